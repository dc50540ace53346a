region = "eu-central-1"
contentful_delivery_token = "yiHYzLZqOaifMneNnuOrd1tLBkmYNjFcX8EWFHZPl8U"
