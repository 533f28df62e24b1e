"""The local preview: the bot's real Bolt app in a Slack-like page, with no Slack tokens.

`deepseek-bot serve` starts it when no Slack credentials are set (bot.preview.server.run).
blockkit_html renders Block Kit to HTML; checks flags what Slack would refuse; page holds the
page itself.
"""
