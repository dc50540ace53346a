export class Service {
  private readonly foopassword = 'hEcHoVASTmEtgPoza24gob0AY2WkIh34Fmd';
}
