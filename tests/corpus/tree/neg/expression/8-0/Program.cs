var secret = builder.Configuration["Jwt:Secret"];
