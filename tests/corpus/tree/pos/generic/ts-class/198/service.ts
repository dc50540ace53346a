export class Service {
  private readonly deployapikey = '2e02086b7cda97f4a31220c4f7311136';
}
