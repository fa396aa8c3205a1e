; DutyDesk's Windows installer (Inno Setup 6). Built by packaging\windows\build.ps1, which
; first produces the two files it installs: target\release\dutydesk.exe (cargo build
; --release) and target\packages\windows\tdjson.dll (TDLib 1.8.61, verified by
; `dutydesk fetch-tdlib --archive ... --dest target\packages\windows`). By hand:
;   iscc /DAppVersion=0.1.0 packaging\windows\dutydesk.iss
;
; Installs per user by default (no administrator needed; "for all users" is offered), into
; {autopf}\DutyDesk: dutydesk.exe with tdjson.dll beside it (the first place DutyDesk looks
; for TDLib), the icon and the licences. Start-menu entry; desktop icon and "start on
; login" are optional tasks. The autostart is the same registry value DutyDesk's own
; Settings switch writes (HKCU\...\Run, value "DutyDesk", the quoted path of the exe), so the
; two agree, and uninstalling removes it. Uninstalling never touches %APPDATA%\dutydesk
; (config, TDLib's databases, the store).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z dutydesk.iss
#endif

[Setup]
AppId={{AC45EE3E-E02C-4EB2-8C77-5C7AA9393A08}
AppName=DutyDesk
AppVersion={#AppVersion}
AppVerName=DutyDesk {#AppVersion}
AppPublisher=The DutyDesk developers
AppPublisherURL=https://github.com/dutydesk/dutydesk
DefaultDirName={autopf}\DutyDesk
DefaultGroupName=DutyDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\target\packages
OutputBaseFilename=DutyDesk-{#AppVersion}-setup-x64
SetupIconFile=..\icons\dutydesk.ico
UninstallDisplayIcon={app}\dutydesk.ico
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutoStartProgram,DutyDesk}"; Flags: unchecked

[Files]
Source: "..\..\target\release\dutydesk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\target\packages\windows\tdjson.dll"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\icons\dutydesk.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\README.md"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\assets\fonts\LICENSE-DutyDeskMarks.txt"; DestDir: "{app}\licenses"; Flags: ignoreversion
Source: "..\..\assets\fonts\LICENSE-FiraSans.txt"; DestDir: "{app}\licenses"; Flags: ignoreversion
Source: "..\..\assets\fonts\LICENSE-Twemoji.md"; DestDir: "{app}\licenses"; Flags: ignoreversion

[Icons]
Name: "{group}\DutyDesk"; Filename: "{app}\dutydesk.exe"; IconFilename: "{app}\dutydesk.ico"; AppUserModelID: "io.github.dutydesk.DutyDesk"
Name: "{autodesktop}\DutyDesk"; Filename: "{app}\dutydesk.exe"; IconFilename: "{app}\dutydesk.ico"; Tasks: desktopicon

[Registry]
; The value DutyDesk's Settings → "Start DutyDesk when I log in" writes (src/autostart.rs).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "DutyDesk"; ValueData: """{app}\dutydesk.exe"""; Tasks: autostart
; Removed on uninstall whoever wrote it: the installer's task or the Settings switch.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "DutyDesk"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\dutydesk.exe"; Description: "{cm:LaunchProgram,DutyDesk}"; Flags: nowait postinstall skipifsilent
