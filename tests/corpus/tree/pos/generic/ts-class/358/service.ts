export class Service {
  private readonly slackapikey = 'OGMJ8Vpu1Wp-1D6DjNsUo0PQjeL7adCqumr9wLKMt67dVzE3';
}
