class Client
  APP_SECRET = 'xb9CI7gqj6oRks3i8XXu3z1XCABYl2ZAHk8VLtspFH'.freeze
end
