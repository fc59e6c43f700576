// Being written (issue 3); nothing here is called yet.
