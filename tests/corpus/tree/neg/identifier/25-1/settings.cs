// settings
SECRET_ROTATION_SCHEDULE=cron(0 3 ? * SUN *)
