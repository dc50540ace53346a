API_TOKEN = "${{ secrets.API_TOKEN }}"
