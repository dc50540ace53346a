# settings
class ApiTokenAuthenticationMiddleware(BaseMiddleware):
