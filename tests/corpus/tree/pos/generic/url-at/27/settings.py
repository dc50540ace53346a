DATABASE_URL = "mysql://deploy:hAtTgSnIl0h@FsEHn~lGyF.@mq.internal:1988/app"
