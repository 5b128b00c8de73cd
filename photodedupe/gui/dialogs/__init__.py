"""The window's dialogs: questions and problem lists, rules, search by example, shortcuts."""
