# TODO: remove the placeholder comment
TOKEN = "dop_v1_ae7ad1ffcc2a0fa71a036f06894fef95f75ad3c064e247c6b65adfdd5f5e1131"
