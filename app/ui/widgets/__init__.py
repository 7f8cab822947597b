"""Small widgets and models shared by the screens of the desktop shell."""
