# copy 2
var secret = builder.Configuration["Jwt:Secret"];
