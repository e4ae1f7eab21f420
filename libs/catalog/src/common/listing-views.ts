/** An organisation or a person as a listing names them: the id, and the name a reader knows them by. */
export class NamedParty {
  id: string;
  name: string;
}
