export class Service {
  private readonly slacktoken = '1342b8a7106aed2078f6e2ddc04512f8';
}
