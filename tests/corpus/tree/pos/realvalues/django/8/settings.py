SECRET_KEY = '2tdr7q%n=umo2jp#t4%)%$0q&g_=@@jsd^^$(u@l4im56+l-p-'
ALLOWED_HOSTS = ['shop.acme.io']
