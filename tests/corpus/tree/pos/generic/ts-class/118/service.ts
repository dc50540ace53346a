export class Service {
  private readonly deployapikey = 'c0ba23049539fd513bf6fd7716dd937e';
}
