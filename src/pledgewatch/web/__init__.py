"""The web app: browse, search and review the record (see ``app.create_app``)."""
