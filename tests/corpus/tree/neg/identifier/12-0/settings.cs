// settings
import { getAccessTokenFromRefreshToken } from './oauthTokenRefresher';
