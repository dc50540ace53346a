export API_TOKEN="<%= ENV['API_TOKEN'] %>"
