"""An outside TDLib client on a team floor: Python with ctypes loads the simulator's
libtdjson, which joins the floor named by TDSIM_FLOOR (and TDSIM_FLOOR_TOKEN); it logs in
with a phone number, replies in a chat and prints what it saw as one JSON line.

usage: floor_client.py LIBRARY PHONE CHAT_ID TEXT
"""
import ctypes
import json
import sys
import time

library, phone, chat_id, text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
td = ctypes.CDLL(library)
td.td_create_client_id.restype = ctypes.c_int
td.td_send.argtypes = [ctypes.c_int, ctypes.c_char_p]
td.td_receive.argtypes = [ctypes.c_double]
td.td_receive.restype = ctypes.c_char_p

client = td.td_create_client_id()
if client < 0:
    print(json.dumps({"error": "the floor did not let us in"}))
    sys.exit(1)
extra = 0


def call(request):
    """Sends a request; returns its reply (objects before it are kept in `seen`)."""
    global extra
    extra += 1
    request["@extra"] = extra
    td.td_send(client, json.dumps(request).encode())
    deadline = time.time() + 20
    while time.time() < deadline:
        raw = td.td_receive(1.0)
        if raw is None:
            continue
        obj = json.loads(raw)
        if obj.get("@extra") == extra:
            return obj
        seen.append(obj)
    raise SystemExit("no reply to %s" % request["@type"])


seen = []
for request in [
    {"@type": "setTdlibParameters", "database_directory": "/tmp/unused", "api_id": 1,
     "api_hash": "0123456789abcdef0123456789abcdef", "system_language_code": "en",
     "device_model": "python", "application_version": "1"},
    {"@type": "setAuthenticationPhoneNumber", "phone_number": phone},
    {"@type": "checkAuthenticationCode", "code": "22222"},
]:
    reply = call(request)
    assert reply["@type"] == "ok", reply
me = call({"@type": "getMe"})
call({"@type": "loadChats", "limit": 100})
sent = call({"@type": "sendMessage", "chat_id": chat_id, "input_message_content": {
    "@type": "inputMessageText", "text": {"@type": "formattedText", "text": text}}})
deadline = time.time() + 20
succeeded = False
while not succeeded and time.time() < deadline:
    raw = td.td_receive(1.0)
    if raw is not None:
        obj = json.loads(raw)
        succeeded = obj["@type"] == "updateMessageSendSucceeded"
call({"@type": "close"})
print(json.dumps({"me": me.get("id"), "first_name": me.get("first_name"),
                  "sent": sent.get("@type"), "succeeded": succeeded}))
