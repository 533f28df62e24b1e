"""/deepseek: a Slack bot that keeps a team briefed on DeepSeek.

Data flows one way, and the subpackages follow it:

    seeds/ --(bot.builder)--> briefings/ --(bot.library)--> bot.slack --> Slack
                                                  \\--> bot.digest (scheduled posts)
                                                  \\--> bot.preview (local page, no tokens)
"""

__version__ = "0.1.0"
