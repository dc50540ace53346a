headers.put("internal_auth_token", "dd8df54ad410003f84cc39d81e87c079b423b4be21186e8d52fa489ad390e008");
