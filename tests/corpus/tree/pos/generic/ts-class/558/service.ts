export class Service {
  private readonly serviceapikey = 'rbUBUgknCXiX3d8ddRoyojNFYWsFN97cVES';
}
