import {
  ArrayType,
  Collection,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { OfficerRole } from '../procedure/officer-role.js';
import { OfficerRoleEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { EnforcementCertificate } from './enforcement-certificate.entity.js';
import { Office } from './office.entity.js';
import { BooleanColumn, OfficePathIndex, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

/** 执法人员: a person of an office. Law-enforcement acts need a certificate valid on the day. */
@ObjectType({ description: '执法人员', implements: Node })
@Entity({ tableName: 'officer' })
@OfficePathIndex('officer')
@Index({
  name: 'officer_roles_idx',
  expression: 'create index "officer_roles_idx" on "officer" using gin ("roles")',
})
@Index({
  name: 'officer_name_trgm_idx',
  expression: 'create index "officer_name_trgm_idx" on "officer" using gin ("name" gin_trgm_ops)',
})
export class Officer extends BaseEntity<'active' | 'legalQualificationNumber' | 'principalHead'> {
  @TextColumn('姓名（name）')
  name!: string;

  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  /** Copy of office.path, so subtree scoping needs no join. */
  @Property({ type: 'text' })
  officePath!: string;

  @Field(() => [OfficerRoleEnum], {
    description: '角色（roles）：决定可执行的程序操作（承办、审核、负责人等）',
  })
  @Property({ type: ArrayType })
  roles: OfficerRole[] = [];

  @BooleanColumn('在岗；停用的人员不能登录，也不能实施执法行为')
  active: boolean = true;

  @TextColumn(
    '法律职业资格证书编号（初次从事法制审核的人员须取得，《中华人民共和国行政处罚法》第五十八条第二款）',
    { nullable: true },
  )
  legalQualificationNumber?: string | null;

  @BooleanColumn(
    '本机关主要负责人（《中华人民共和国个人信息保护法》第六十三条查封扣押须其书面批准）',
  )
  principalHead: boolean = false;

  @OneToMany(() => EnforcementCertificate, (certificate) => certificate.officer)
  certificates = new Collection<EnforcementCertificate>(this);

  hasRole(role: OfficerRole): boolean {
    return this.roles.includes(role);
  }
}
