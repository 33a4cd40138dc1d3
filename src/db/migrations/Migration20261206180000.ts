import { Migration } from '@mikro-orm/migrations';

/**
 * Several parties in one case (APL arts. 44, 61): the pre-penalty notice and the decision letter
 * are made for each party, naming that party and only their penalties. The party a document is
 * addressed to is part of its identity: a newer document for one party supersedes none of
 * another's. Null for documents of the case as a whole (and every document of a one-party case).
 */
export class Migration20261206180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "case_document" add column "party_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_document" drop column "party_id";`);
  }
}
