// Being written (issue 4); nothing here is called yet.
