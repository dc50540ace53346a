// settings
class ApiTokenAuthenticationMiddleware(BaseMiddleware):
