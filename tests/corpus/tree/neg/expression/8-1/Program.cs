# copy 1
var secret = builder.Configuration["Jwt:Secret"];
