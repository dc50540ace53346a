const apiToken = '${{ secrets.API_TOKEN }}';
