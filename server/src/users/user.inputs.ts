import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { Role } from '../common/context.js';
import { UUIDScalar } from '../common/uuid.scalar.js';

const EMAIL_MESSAGE = 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
const DISPLAY_NAME_MESSAGE = 'Der Name muss 1 bis 200 Zeichen lang sein.';
const ROLES_MESSAGE = 'Bitte wählen Sie mindestens eine Rolle.';

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 320, { message: 'Bitte geben Sie Ihre E-Mail-Adresse an.' })
  email!: string;

  /** Not checked for length here: a wrong password must get the same answer as any other. */
  @Field(() => String)
  @IsString()
  @Length(1, 1024, { message: 'Bitte geben Sie Ihr Passwort an.' })
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 1024, { message: 'Bitte geben Sie Ihr bisheriges Passwort an.' })
  currentPassword!: string;

  /** The password rules (length) are checked by the command, with their own message. */
  @Field(() => String)
  @IsString()
  @Length(1, 1024, { message: 'Bitte geben Sie ein neues Passwort an.' })
  newPassword!: string;
}

@InputType({ description: 'Eine neue Fachkraft; sie erhält ein Startpasswort, das sie zuerst ändern muss.' })
export class CreateUserInput {
  /** The sign-in name; stored in lower case. */
  @Field(() => String)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @Length(3, 320, { message: EMAIL_MESSAGE })
  email!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: DISPLAY_NAME_MESSAGE })
  @Matches(/\S/, { message: DISPLAY_NAME_MESSAGE })
  displayName!: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: 'Jede Rolle nur einmal.' })
  @IsEnum(Role, { each: true, message: 'Unbekannte Rolle.' })
  roles!: Role[];

  /** The Träger (required with PROVIDER). */
  @Field(() => UUIDScalar, { nullable: true })
  providerId?: string | null;

  /** The Regionalteam (required with REGIONAL_TEAM). */
  @Field(() => UUIDScalar, { nullable: true })
  regionalTeamId?: string | null;

  /** The Sozialräume (at least one with TEAM_LEAD). */
  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'Jeder Sozialraum nur einmal.' })
  socialAreaIds?: string[] | null;
}

@InputType({ description: 'Änderungen an einer Fachkraft; weggelassene Felder bleiben, wie sie sind.' })
export class UpdateUserInput {
  @Field(() => UUIDScalar)
  id!: string;

  /** The revision the editor loaded; a change based on an older one is refused (CONFLICT/STALE_REVISION). */
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'revision muss eine ganze Zahl ab 1 sein.' })
  revision!: number;

  @Field(() => String, { nullable: true })
  @ValidateIf((input: UpdateUserInput) => input.displayName !== undefined)
  @IsString({ message: DISPLAY_NAME_MESSAGE })
  @Length(1, 200, { message: DISPLAY_NAME_MESSAGE })
  @Matches(/\S/, { message: DISPLAY_NAME_MESSAGE })
  displayName?: string;

  @Field(() => [Role], { nullable: true })
  @ValidateIf((input: UpdateUserInput) => input.roles !== undefined)
  @ArrayMinSize(1, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: 'Jede Rolle nur einmal.' })
  @IsEnum(Role, { each: true, message: 'Unbekannte Rolle.' })
  roles?: Role[];

  /** Omitted: unchanged; null: no Träger. */
  @Field(() => UUIDScalar, { nullable: true })
  providerId?: string | null;

  /** Omitted: unchanged; null: no Regionalteam. */
  @Field(() => UUIDScalar, { nullable: true })
  regionalTeamId?: string | null;

  /** Omitted: unchanged; the complete new list otherwise. */
  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'Jeder Sozialraum nur einmal.' })
  socialAreaIds?: string[] | null;
}
