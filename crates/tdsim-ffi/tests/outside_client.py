"""An ordinary outside TDLib client, as Python programs bind libtdjson with ctypes: it binds all
fourteen functions at load, drives the log functions (td_log.h) and a client (td_json_client.h),
and prints what it observed as one JSON object. tests/outside_client.rs runs it against the real
libtdjson 1.8.61 and against the simulator's library; both must print the same.

usage: outside_client.py LIBRARY TEMP_DIR          observations as JSON
       outside_client.py LIBRARY TEMP_DIR fatal    a fatal log message: callback, then abort
"""

import ctypes
import json
import os
import sys
import time

lib = ctypes.CDLL(sys.argv[1])
tmp = sys.argv[2]

LOG_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p)
FATAL_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_char_p)

lib.td_create_client_id.restype = ctypes.c_int
lib.td_create_client_id.argtypes = []
lib.td_send.restype = None
lib.td_send.argtypes = [ctypes.c_int, ctypes.c_char_p]
lib.td_receive.restype = ctypes.c_char_p
lib.td_receive.argtypes = [ctypes.c_double]
lib.td_execute.restype = ctypes.c_char_p
lib.td_execute.argtypes = [ctypes.c_char_p]
lib.td_set_log_file_path.restype = ctypes.c_int
lib.td_set_log_file_path.argtypes = [ctypes.c_char_p]
lib.td_set_log_max_file_size.restype = None
lib.td_set_log_max_file_size.argtypes = [ctypes.c_longlong]
lib.td_set_log_verbosity_level.restype = None
lib.td_set_log_verbosity_level.argtypes = [ctypes.c_int]
lib.td_set_log_fatal_error_callback.restype = None
lib.td_set_log_fatal_error_callback.argtypes = [FATAL_CALLBACK]
lib.td_set_log_message_callback.restype = None
lib.td_set_log_message_callback.argtypes = [ctypes.c_int, LOG_CALLBACK]
for legacy in ["td_json_client_create", "td_json_client_send", "td_json_client_receive",
               "td_json_client_execute", "td_json_client_destroy"]:
    getattr(lib, legacy)


def execute(request):
    return json.loads(lib.td_execute(json.dumps(request).encode()))


def log(level, text):
    execute({"@type": "addLogMessage", "verbosity_level": level, "text": text})


if len(sys.argv) > 3 and sys.argv[3] == "fatal":
    @FATAL_CALLBACK
    def on_fatal(message):
        print("FATAL " + message.decode(), flush=True)

    lib.td_set_log_fatal_error_callback(on_fatal)
    lib.td_set_log_file_path(os.path.join(tmp, "fatal.log").encode())
    log(0, "boom")
    print("survived", flush=True)
    sys.exit(0)

seen = {}
lib.td_set_log_verbosity_level(2)
seen["verbosity"] = execute({"@type": "getLogVerbosityLevel"})["verbosity_level"]
lib.td_set_log_verbosity_level(5000)
seen["verbosity_out_of_range_ignored"] = execute({"@type": "getLogVerbosityLevel"})["verbosity_level"]

path = os.path.join(tmp, "td.log")
seen["file_path_ok"] = lib.td_set_log_file_path(path.encode())
seen["file_path_unwritable"] = lib.td_set_log_file_path(os.path.join(tmp, "no", "such", "dir.log").encode())
lib.td_set_log_max_file_size(12345)
stream = execute({"@type": "getLogStream"})
seen["file_stream"] = [stream["@type"], stream["path"] == path, stream["max_file_size"],
                       stream["redirect_stderr"]]
log(1, "to the file")
log(3, "too verbose")
with open(path) as f:
    written = f.read()
seen["file_lines"] = [line.split("\t", 1)[-1] for line in written.splitlines()]
seen["file_path_reset"] = lib.td_set_log_file_path(None)
seen["stream_after_reset"] = execute({"@type": "getLogStream"})["@type"]

heard = []


@LOG_CALLBACK
def on_message(level, message):
    heard.append([level, message.decode().split("\t", 1)[-1].rstrip("\n")])


lib.td_set_log_message_callback(1, on_message)
log(1, "one")
log(2, "two")
lib.td_set_log_message_callback(1, ctypes.cast(None, LOG_CALLBACK))
log(1, "after removal")
seen["callback_heard"] = heard

lib.td_set_log_fatal_error_callback(FATAL_CALLBACK(lambda message: None))
lib.td_set_log_fatal_error_callback(ctypes.cast(None, FATAL_CALLBACK))
lib.td_set_log_verbosity_level(1)

client = lib.td_create_client_id()
seen["client_id_positive"] = client > 0
lib.td_send(client, json.dumps({"@type": "getAuthorizationState", "@extra": "state"}).encode())
deadline = time.time() + 30
reply = None
while reply is None and time.time() < deadline:
    raw = lib.td_receive(1.0)
    if raw:
        got = json.loads(raw)
        if got.get("@extra") == "state":
            reply = got
seen["authorization_state"] = reply and reply["@type"]
seen["version"] = execute({"@type": "getOption", "name": "version"})["value"]
lib.td_send(client, json.dumps({"@type": "close"}).encode())
closed = False
while not closed and time.time() < deadline:
    raw = lib.td_receive(1.0)
    if raw:
        got = json.loads(raw)
        closed = got.get("authorization_state", {}).get("@type") == "authorizationStateClosed"
seen["closed"] = closed
print(json.dumps(seen, sort_keys=True))
