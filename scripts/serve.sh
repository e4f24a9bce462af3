#!/usr/bin/env bash
# Start the action server and the Rasa server on loopback; Ctrl-C stops both.
#   scripts/serve.sh run    REST + socket.io on 127.0.0.1:5005, actions on 127.0.0.1:5055
#   scripts/serve.sh shell  the same action server + a terminal chat (rasa shell)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
HOST="${SHANGMI_HOST:-127.0.0.1}"
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8000}"
# everything the servers write (answer store and its WAL, Rasa's tracker, logs, reports)
# reveals a unit's weaknesses: owner-only from creation
umask 077
mkdir -p var && chmod 700 var
export SANIC_HOST="$HOST"
.venv/bin/shangmi db upgrade > /dev/null  # the schema before any server opens the database
.venv/bin/python -m rasa_sdk --actions actions -p "$ACTIONS_PORT" > var/actions.log 2>&1 &
actions_pid=$!
web_pid=""
trap 'kill $actions_pid $web_pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 60); do
  if .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://$HOST:$ACTIONS_PORT/health" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
echo "动作服务器已启动：http://$HOST:$ACTIONS_PORT （日志 var/actions.log）"
export RASA_TELEMETRY_ENABLED=false
if [ "$mode" = "shell" ]; then
  # a fixed conversation id, so that 暂停 in one terminal session resumes in the next
  .venv-rasa/bin/rasa shell -m models/shangmi.tar.gz --endpoints endpoints.yml \
    --conversation-id "${SHANGMI_CHAT_ID:-terminal-${USER:-local}}"
else
  SHANGMI_RASA_URL="http://$HOST:$RASA_PORT" .venv/bin/uvicorn --factory app.web.main:app --host "$HOST" --port "$WEB_PORT" \
    --no-access-log > var/web.log 2>&1 &
  web_pid=$!
  echo "网页：http://$HOST:$WEB_PORT （首次使用先创建区局管理员：.venv/bin/shangmi admin create --username 用户名）"
  echo "助手启动中：REST http://$HOST:$RASA_PORT/webhooks/rest/webhook ，socket.io http://$HOST:$RASA_PORT/socket.io"
  .venv-rasa/bin/rasa run -m models/shangmi.tar.gz -i "$HOST" -p "$RASA_PORT" \
    --endpoints endpoints.yml --credentials credentials.yml
fi
