INSERT INTO users (id, email, password_hash) VALUES (49, 'sam@acme.io', '$6$bapZ1kB8djVByaBp$5GWv3rhffwqwGzp.SZZNEr2ds.g3t5JYgFBcxRAbrc9IoL3ETZIaTBFXpmdiKWWqva7Nlo6e1qFPA8zZbaUs5a');
