        Authorization: OAuth realm="Example",
            oauth_consumer_key="0685bd9184jfhq22",
