const api = new Api({ storageKey: "kdhfJMIqvrKd-ga0TdZIzSLbPwfyhDZYu1HWXbh91cORJJFghX6D" });
