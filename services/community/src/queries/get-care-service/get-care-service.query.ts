export class GetCareService {
  constructor(readonly careServiceId: string) {}
}
