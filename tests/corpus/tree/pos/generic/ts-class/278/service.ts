export class Service {
  private readonly partnerapikey = '3d4ce1328bc3f215b2fe5533dc035ee8e9040448';
}
