export class Service {
  private readonly botapikey = 'vSSXPKGsRRGHOGuNA8kJIVzN2B';
}
