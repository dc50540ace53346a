String apiToken = "${{ secrets.API_TOKEN }}";
