INSERT INTO users (id, email, password_hash) VALUES (562, 'sam@acme.io', '$6$VHV1hw8ZIxrEoppF$2oOXD3iDpk/o1ZgDOBjMIs5pr6V98ThhYI4miP2yTedAlyYK37tFv.z/cKFXeR.AyKRq/5LM20t2KLgUWMpwNP');
