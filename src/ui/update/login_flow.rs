//! The login screen's messages: API credentials, passphrase or keyring retry, phone, code,
//! 2FA password, the demo floor, and the TDLib download.

use super::Effects;
use crate::ui::app::{App, Message, Screen};
use crate::ui::requests::Request;
use crate::ui::screens::login::{self, Stage};
use crate::ui::start;
use iced::Task;

impl App {
    pub(super) fn on_login(&mut self, msg: login::Msg) -> Effects {
        let Screen::Login(login) = &mut self.screen else {
            return Effects::none();
        };
        if !login.edit(&msg) {
            return Effects::none();
        }
        match msg {
            login::Msg::Submit if !login.busy => {
                login.error = None;
                match login.stage.clone() {
                    Stage::Credentials => {
                        let id = login.api_id.parse::<i32>().ok().filter(|id| *id > 0);
                        let hash_ok = login.api_hash.len() == 32
                            && login.api_hash.chars().all(|c| c.is_ascii_hexdigit());
                        match (id, hash_ok) {
                            (Some(id), true) => {
                                self.config.telegram.api_id = Some(id);
                                self.config.telegram.api_hash = Some(login.api_hash.clone());
                                if let Err(e) = self.config.save(&self.paths) {
                                    self.banner =
                                        Some(format!("The API key is used but not saved: {e}"));
                                }
                                return Effects::key_read(self.start_session(None));
                            }
                            (None, _) => {
                                login.error =
                                    Some("api_id is the number shown on my.telegram.org".into())
                            }
                            (_, false) => {
                                login.error = Some("api_hash is 32 hexadecimal characters".into())
                            }
                        }
                        Effects::none()
                    }
                    Stage::Passphrase(_) => {
                        let passphrase = login.passphrase.clone();
                        Effects::key_read(self.start_session(Some(&passphrase)))
                    }
                    Stage::Phone if !login.phone.trim().is_empty() => {
                        login.busy = true;
                        Effects::request(Request::SetPhone(login.phone.trim().to_string()))
                    }
                    Stage::Code { .. } if !login.code.is_empty() => {
                        login.busy = true;
                        Effects::request(Request::CheckCode(login.code.clone()))
                    }
                    Stage::Password { .. } if !login.password.is_empty() => {
                        login.busy = true;
                        Effects::request(Request::CheckPassword(login.password.clone()))
                    }
                    _ => Effects::none(),
                }
            }
            // Asks the keyring again (a desktop keyring shows its unlock prompt again);
            // ignored while a read is under way (`start_session`).
            login::Msg::Retry => Effects::key_read(self.start_session(None)),
            login::Msg::Demo => match start::launch_demo() {
                Ok(()) => Effects::none(),
                Err(e) => {
                    login.error = Some(format!("Could not start the demo floor: {e}"));
                    Effects::none()
                }
            },
            login::Msg::Download => {
                login.download = Some((0, 0));
                Effects::task(download(self.paths.tdlib_dir.clone()))
            }
            login::Msg::Downloaded(Ok(_)) => {
                login.download = None;
                Effects::key_read(self.start_session(None))
            }
            login::Msg::Downloaded(Err(e)) => {
                login.download = None;
                login.error = Some(format!("Download failed: {e}"));
                Effects::none()
            }
            _ => Effects::none(),
        }
    }
}

/// Downloads TDLib on a worker thread, reporting progress as messages.
fn download(dir: std::path::PathBuf) -> Task<Message> {
    use iced::futures::StreamExt;
    use iced::futures::channel::mpsc;
    let (tx, rx) = mpsc::unbounded();
    let progress = tx.clone();
    std::thread::spawn(move || {
        let result = crate::telegram::fetch::fetch_tdlib(&dir, |done, total| {
            let _ = progress.unbounded_send(login::Msg::Progress(done, total));
        });
        let _ = tx.unbounded_send(login::Msg::Downloaded(result.map_err(|e| e.to_string())));
    });
    Task::run(rx.boxed(), Message::Login)
}
