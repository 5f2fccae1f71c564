#!/bin/sh
# Starts Alertmanager with deploy/alertmanager.yml filled in for this stack (the alertmanager service of
# docker-compose.yml runs it; the tests run it with RENDER_ONLY=1).
#
#   ALERT_TELEGRAM_CHAT_ID      the operators' chat (a group's id is negative); unset: no Telegram
#   ALERT_TELEGRAM_TOKEN_FILE   the bot's token (default /run/secrets/alert_telegram_token)
#   ALERT_TELEGRAM_API_URL      Bot API server (default https://api.telegram.org)
#   ALERT_SLACK_WEBHOOK_FILE    a Slack incoming-webhook URL (default /run/secrets/alert_slack_webhook);
#                               empty or missing: no Slack
#   ALERT_SLACK_CHANNEL         default #pagemagic-alerts
#   ALERTMANAGER_TEMPLATE       default /etc/pagemagic/alertmanager.yml
#   ALERTMANAGER_CONFIG         where the filled-in file goes (default /tmp/alertmanager.yml, mode 0600)
# Any arguments are passed on to Alertmanager.
set -eu

template=${ALERTMANAGER_TEMPLATE:-/etc/pagemagic/alertmanager.yml}
config=${ALERTMANAGER_CONFIG:-/tmp/alertmanager.yml}
chat=${ALERT_TELEGRAM_CHAT_ID:-}
token_file=${ALERT_TELEGRAM_TOKEN_FILE:-/run/secrets/alert_telegram_token}
api=${ALERT_TELEGRAM_API_URL:-https://api.telegram.org}
webhook_file=${ALERT_SLACK_WEBHOOK_FILE:-/run/secrets/alert_slack_webhook}
channel=${ALERT_SLACK_CHANNEL:-#pagemagic-alerts}

fail() { echo "alertmanager-start: $*" >&2; exit 2; }
# A file holding only a newline means "not set" (Swarm refuses empty secrets), as for the app's settings.
read_secret() { [ -r "$1" ] && tr -d '\r\n' < "$1" || true; }

token=$(read_secret "$token_file")
webhook=$(read_secret "$webhook_file")
drop=""
if [ -n "$chat" ] && [ -n "$token" ]; then
  case "$chat" in -[0-9]*|[0-9]*) ;; *) fail "ALERT_TELEGRAM_CHAT_ID is not a number" ;; esac
  case "$chat" in *[!0-9-]*) fail "ALERT_TELEGRAM_CHAT_ID is not a number" ;; esac
  case "$token" in *[!0-9A-Za-z:_-]*) fail "the Telegram token holds characters a bot token never has" ;; esac
  case "$api" in http://*|https://*) ;; *) fail "ALERT_TELEGRAM_API_URL is not an http(s) URL" ;; esac
  case "$api" in *[\|\ \"\'\\\&]*) fail "ALERT_TELEGRAM_API_URL holds characters a URL should not" ;; esac
else
  drop="$drop -e /telegram:begin/,/telegram:end/d"
  [ -n "$chat$token" ] && echo "alertmanager-start: Telegram needs both a chat id and a token; not sending there" >&2
fi
if [ -z "$webhook" ]; then
  drop="$drop -e /slack:begin/,/slack:end/d"
fi
case "$channel" in *[\|\"\\\&]*) fail "ALERT_SLACK_CHANNEL holds characters a channel name never has" ;; esac
[ -n "$chat" ] && [ -n "$token" ] || [ -n "$webhook" ] || \
  echo "alertmanager-start: no receiver configured; alerts are kept in Alertmanager only" >&2

umask 077
# shellcheck disable=SC2086 # $drop holds whole sed arguments
sed $drop \
  -e "s|^\([ -]*api_url:\) https://api.telegram.org\$|\1 $api|" \
  -e "s|^\([ -]*bot_token:\) \"ALERT_TELEGRAM_TOKEN\"\$|\1 \"$token\"|" \
  -e "s|^\([ -]*chat_id:\) -1000000000000\$|\1 $chat|" \
  -e "s|^\([ -]*api_url_file:\) /run/secrets/alert_slack_webhook\$|\1 $webhook_file|" \
  -e "s|^\([ -]*channel:\) \"#pagemagic-alerts\"\$|\1 \"$channel\"|" \
  "$template" > "$config"

[ "${RENDER_ONLY:-}" = "1" ] && exit 0
exec alertmanager --config.file="$config" "$@"
