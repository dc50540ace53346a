export class Service {
  private readonly accessaccesstoken = 'd35273f4fc7f35c3614f79b104b51db2';
}
