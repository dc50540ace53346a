User.create!(email: 'admin@acme.io', encrypted_password: '$y$j9T$oAkgoJq.egQ4gGCeULk244$5pJy.ZPPJda5JTB/wnBf/F9qGGQLcCh22t2ez716BEl')
