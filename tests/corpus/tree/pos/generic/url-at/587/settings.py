DATABASE_URL = "redis://svc:IB8QlZ9ESvo@?sf=65B!E~T@mq.internal:3723/main"
