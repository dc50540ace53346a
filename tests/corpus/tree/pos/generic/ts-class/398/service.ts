export class Service {
  private readonly accesstoken = 'UdXxphQqLqMs_e2IGcF0a6A4mZV-vym7QuXl64';
}
