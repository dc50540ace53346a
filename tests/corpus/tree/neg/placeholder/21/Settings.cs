var apiToken = "${{ secrets.API_TOKEN }}";
