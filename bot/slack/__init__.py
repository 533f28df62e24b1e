"""The Slack app: `/deepseek`, its buttons and App Home (see app.py for the entry point)."""
