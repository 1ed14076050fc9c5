package dev.veil.inference.suggest;

import static dev.veil.inference.suggest.NameRule.Form.FACT;
import static dev.veil.inference.suggest.NameRule.Form.PREFIX;
import static dev.veil.inference.suggest.NameRule.Form.VALUE;
import static dev.veil.model.Classification.OWNER_ONLY;
import static dev.veil.model.Classification.PUBLIC;
import static dev.veil.model.Classification.SECRET;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shipped name rules and the word lists around them. Phrases are whole tokens after
 * {@link NameTokens#split} and {@link NameTokens#fold}; plurals match their singular
 * ({@code roles} is {@code role}). Common non-English names of the obvious secrets and
 * personal data are included (passwort, contraseña, mot de passe, geburtsdatum...).
 */
final class NameRules {

    private NameRules() {
    }

    static final Set<String> CARD = Set.of("card", "credit", "debit", "billing", "payment", "cc", "pan", "cardholder", "tarjeta", "karte");
    static final Set<String> PHONE = Set.of("phone", "mobile", "tel", "telephone", "cell", "fax", "contact", "whatsapp", "sms");
    static final Set<String> GOVERNMENT = Set.of("passport", "license", "licence", "tax", "ssn", "social", "national", "insurance",
            "identity", "nino", "government", "driver", "drivers", "driving", "voter", "citizen");
    static final Set<String> BANK = Set.of("account", "bank", "banking", "iban", "routing", "cuenta", "konto");
    static final Set<String> PERSON = Set.of("user", "customer", "patient", "person", "people", "member", "employee", "contact",
            "guardian", "emergency", "billing", "shipping", "recipient", "sender", "cardholder", "holder", "owner",
            "beneficiary", "client", "student", "guest", "subscriber", "driver", "passenger", "traveler", "traveller",
            "applicant", "candidate", "legal", "real", "kin", "parent", "spouse", "child", "mother", "father", "physician",
            "doctor", "caregiver", "signer", "payer", "payee", "cliente", "kunde", "usuario", "benutzer");
    static final Set<String> BODY = Set.of("patient", "health", "medical", "vitals", "vital", "body", "clinical", "fitness",
            "user", "member", "person");
    static final Set<String> INSURANCE = Set.of("insurance", "insurer", "coverage", "health", "medical", "policyholder", "patient");

    /**
     * Words that, after a VALUE phrase, turn it into metadata about that value:
     * {@code email_verified}, {@code password_reset_required}, {@code token_count}, {@code card_id}.
     */
    static final Set<String> META = Set.of("verified", "verification", "confirmed", "required", "enabled", "disabled", "active",
            "valid", "set", "exists", "present", "count", "counter", "cnt", "length", "len", "size", "at", "on", "date",
            "time", "timestamp", "ts", "updated", "changed", "modified", "created", "sent", "expires", "expiry", "expiration",
            "expired", "ttl", "policy", "strength", "score", "type", "kind", "format", "algorithm", "algo", "scheme",
            "version", "ver", "status", "state", "hint", "attempt", "attempts", "tries", "failures", "failed", "retries",
            "reset", "resets", "rotation", "rotated", "opt", "optin", "optout", "consent", "preference", "pref", "prefs",
            "bounced", "bounce", "domain", "provider", "template", "channel", "visible", "visibility", "public", "flag",
            "limit", "quota", "usage", "budget", "used", "remaining", "arn", "id", "ids", "uid", "uuid", "guid", "ref",
            "identifier", "request", "requested", "label", "description", "mode", "method", "source", "scope", "index",
            "lookup", "list", "locked", "lock", "needed", "change", "generated", "issued", "revoked", "is", "has", "can");

    /** The subset of {@link #META} that makes a phrase a reference; FACT phrases keep their meaning ({@code role_id}). */
    static final Set<String> REFERENCE = Set.of("id", "ids", "uid", "uuid", "guid", "ref", "identifier", "arn");

    /** Words that, after a VALUE phrase, keep its meaning: {@code password_hash}, {@code phone_e164}, {@code api_key_v2}. */
    static final Set<String> CONTINUATION = Set.of("hash", "hashes", "hashed", "digest", "enc", "encrypted", "crypt", "cipher",
            "ciphertext", "sealed", "salt", "raw", "plain", "plaintext", "clear", "cleartext", "value", "val", "str",
            "string", "text", "txt", "b64", "base", "hex", "bytes", "bin", "blob", "data", "json", "old", "new", "prev",
            "previous", "current", "cur", "temp", "tmp", "primary", "secondary", "alt", "alternate", "alternative", "main",
            "home", "work", "personal", "business", "mobile", "number", "no", "num", "nr", "nbr", "v", "pem", "der",
            "masked", "mask", "last", "four", "e", "sha", "md", "header", "full", "formatted", "normalized", "canonical",
            "lower", "upper", "original", "secure", "encoded", "bcrypt", "argon", "scrypt", "pbkdf", "kdf", "list",
            "confirmation", "confirm", "backup", "code");

    /** Single tokens that are really several words, written without separators. */
    static final Map<String, List<String>> COMPOUNDS = Map.ofEntries(
            Map.entry("apikey", List.of("api", "key")), Map.entry("accesskey", List.of("access", "key")),
            Map.entry("secretkey", List.of("secret", "key")), Map.entry("privatekey", List.of("private", "key")),
            Map.entry("accesstoken", List.of("access", "token")), Map.entry("refreshtoken", List.of("refresh", "token")),
            Map.entry("authtoken", List.of("auth", "token")), Map.entry("idtoken", List.of("id", "token")),
            Map.entry("sessionid", List.of("session", "id")), Map.entry("passwordhash", List.of("password", "hash")),
            Map.entry("emailaddress", List.of("email", "address")), Map.entry("phonenumber", List.of("phone", "number")),
            Map.entry("firstname", List.of("first", "name")), Map.entry("lastname", List.of("last", "name")),
            Map.entry("middlename", List.of("middle", "name")), Map.entry("fullname", List.of("full", "name")),
            Map.entry("displayname", List.of("display", "name")), Map.entry("userid", List.of("user", "id")),
            Map.entry("birthdate", List.of("birth", "date")), Map.entry("dateofbirth", List.of("date", "of", "birth")),
            Map.entry("zipcode", List.of("zip", "code")), Map.entry("postalcode", List.of("postal", "code")),
            Map.entry("creditcard", List.of("credit", "card")), Map.entry("cardnumber", List.of("card", "number")),
            Map.entry("ipaddress", List.of("ip", "address")), Map.entry("macaddress", List.of("mac", "address")),
            Map.entry("streetaddress", List.of("street", "address")), Map.entry("motdepasse", List.of("mot", "de", "passe")),
            Map.entry("clientsecret", List.of("client", "secret")), Map.entry("createdat", List.of("created", "at")),
            Map.entry("updatedat", List.of("updated", "at")), Map.entry("lastlogin", List.of("last", "login")),
            Map.entry("ssnlast4", List.of("ssn", "last", "4")), Map.entry("nextpagetoken", List.of("next", "page", "token")));

    static final List<NameRule> RULES = List.of(
            // --- credentials: secret
            NameRule.of(SECRET, 0.95, VALUE, "credential", "password", "passwd", "pwd", "pw", "passphrase", "passcode",
                    "passwort", "kennwort", "contrasena", "contrasenya", "mot de passe", "mdp", "senha", "wachtwoord",
                    "haslo", "heslo", "jelszo", "salasana", "losenord", "passord", "adgangskode", "sifre", "parol",
                    "parola d accesso", "пароль", "密码", "パスワード", "비밀번호", "clave", "password hash", "pw hash",
                    "pswd", "pword", "passw", "lozinka", "geslo", "parool", "slaptazodis", "parole", "jelszo",
                    "adgangskode", "kodeord", "lösenord", "losen", "salasana", "haslo dostepu", "κωδικος", "şifre",
                    "mat khau", "kata sandi", "katalaluan", "暗証番号", "口令"),
            NameRule.of(SECRET, 0.95, VALUE, "credential", "secret", "client secret", "api secret", "app secret",
                    "shared secret", "webhook secret", "signing secret", "totp secret", "otp secret", "mfa secret",
                    "device secret", "geheimnis", "secreto", "secret key", "private key", "privkey", "signing key",
                    "encryption key", "master key", "hmac key", "api key", "app key", "access key", "auth key", "session key",
                    "ssh key", "device key", "webhook key", "client key", "consumer secret", "clé api", "cle api", "clave api",
                    "recovery code", "backup code", "recovery key", "seed phrase", "mnemonic", "credentials", "credential",
                    "creds", "pin", "pin code", "cvv", "cvc", "cvv 2", "cvc 2", "csc", "cvn", "card security code",
                    "security code", "verification code", "otp", "totp", "one time password", "auth code",
                    "authorization code", "reset code", "salt", "password salt", "access key id", "security answer",
                    "secret answer", "security question answer", "totp seed", "otp seed", "mfa seed", "private key pem"),
            NameRule.of(SECRET, 0.85, VALUE, "credential", "token", "jeton", "access token", "refresh token", "id token",
                    "auth token", "bearer token", "session token", "session id", "session", "csrf token", "xsrf token",
                    "reset token", "verification token", "invite token", "magic token", "push token", "device token",
                    "fcm token", "apns token", "bearer", "jwt", "cookie", "authorization", "license key", "licence key",
                    "connection string", "dsn", "database url", "db url"),
            NameRule.of(SECRET, 0.6, VALUE, "hash", "hash", "hashes", "hashed", "digest", "digests"),
            // --- authorization data: secret
            NameRule.of(SECRET, 0.85, FACT, "authorization data", "role", "permission", "privilege", "acl", "admin",
                    "administrator", "superuser", "super user", "sudo", "access level", "access control", "entitlement",
                    "clearance", "grant", "is staff", "staff", "moderator", "rights", "access rights", "policies",
                    "risk score", "fraud score", "fraud flag", "rolle", "rol", "permiso", "berechtigung"),
            NameRule.of(SECRET, 0.6, FACT, "authorization data", "scope", "scopes"),
            NameRule.of(SECRET, 0.8, PREFIX, "internal-only data", "internal", "intern", "interno", "interne"),

            // --- personal data: owner-only
            NameRule.of(OWNER_ONLY, 0.85, VALUE, "e-mail address", "email", "e mail", "email address", "mail address",
                    "correo", "correo electronico", "courriel", "adresse mail", "adresse email", "posta elettronica",
                    "epost", "e post", "epost adresse", "e postadresse", "e mail adresse", "emailadres", "e mailadres",
                    "mejladress", "e postadress", "sahkoposti", "indirizzo email", "endereco de email", "email addr",
                    "mail addr", "emailaddr", "eposta", "e posta", "почта", "электронная почта", "メール",
                    "メールアドレス", "邮箱", "电子邮件", "이메일", "dirección de correo"),
            NameRule.of(OWNER_ONLY, 0.6, VALUE, "e-mail address", "mail"),
            NameRule.of(OWNER_ONLY, 0.85, VALUE, "phone number", "phone", "phone number", "telephone", "mobile number",
                    "mobile phone", "cell phone", "cell number", "msisdn", "contact number", "telefono", "telefon",
                    "telephone number", "numero de telephone", "handynummer", "rufnummer", "celular", "movil", "whatsapp"),
            NameRule.of(OWNER_ONLY, 0.65, VALUE, "phone number", "tel", "mobile", "fax"),
            NameRule.of(OWNER_ONLY, 0.8, VALUE, "postal address", "address", "street", "street address", "address line",
                    "postcode", "post code", "postal code", "zip", "zip code", "house number", "apartment", "apt",
                    "billing address", "shipping address", "home address", "mailing address", "adresse", "direccion",
                    "indirizzo", "endereco", "anschrift", "strasse", "calle", "plz", "codigo postal", "code postal",
                    "cep", "addr", "address 1", "address 2", "addr line", "street addr", "adres", "adresa", "osoite",
                    "postnummer", "postcode nl", "wohnort", "domicilio", "morada", "住所", "地址", "주소", "адрес",
                    "kod pocztowy", "cap", "iranyitoszam"),
            NameRule.of(OWNER_ONLY, 0.55, VALUE, "postal address", "city", "town", "ciudad", "stadt", "ville"),
            NameRule.of(OWNER_ONLY, 0.85, VALUE, "birth date", "dob", "date of birth", "birth date", "birthday",
                    "birth year", "birth place", "place of birth", "born", "born on", "geburtsdatum", "geburtstag",
                    "fecha de nacimiento", "fecha nacimiento", "nacimiento", "date de naissance", "naissance",
                    "data di nascita", "nascita", "data de nascimento", "nascimento", "geboortedatum", "bday", "b day",
                    "birth dt", "dob date", "fodselsdato", "fodelsedatum", "syntymaaika", "data urodzenia",
                    "datum narozeni", "datum rodenja", "szuletesi datum", "生年月日", "出生日期", "생년월일",
                    "дата рождения", "dogum tarihi", "ngay sinh", "tanggal lahir"),
            NameRule.of(OWNER_ONLY, 0.5, VALUE, "personal data", "age", "gender", "sex", "nationality", "marital status",
                    "ethnicity", "race", "religion", "sexual orientation", "political affiliation"),
            NameRule.of(OWNER_ONLY, 0.7, VALUE, "contact details", "contact", "contact info", "contact details",
                    "emergency contact", "next of kin"),
            NameRule.of(OWNER_ONLY, 0.75, VALUE, "person name", "first name", "given name", "last name", "surname",
                    "family name", "middle name", "middle initial", "full name", "maiden name", "legal name", "real name",
                    "forename", "vorname", "nachname", "nombre", "apellido", "apellidos", "prenom", "nom de famille",
                    "cognome", "sobrenome", "nome completo"),
            NameRule.of(OWNER_ONLY, 0.65, VALUE, "person name", "name").near(PERSON),
            NameRule.of(OWNER_ONLY, 0.9, VALUE, "government id", "ssn", "social security number", "social security",
                    "nino", "national insurance number", "national insurance", "ni number", "national id",
                    "national identifier", "national id number", "tax id", "taxid", "tax number", "tin", "passport",
                    "passport number", "driver license", "drivers license", "driving licence", "driving license",
                    "license number", "licence number", "dni", "nie", "nif", "cpf", "curp", "aadhaar", "personnummer",
                    "pesel", "bsn", "steuer id", "steuernummer", "codice fiscale", "personalausweis", "ausweis",
                    "voter id", "id number", "id card", "sin", "social insurance number", "tax code", "tax identifier",
                    "tax identification number", "vat number", "vat id", "ust id", "ust idnr", "btw nummer", "nip",
                    "numero fiscale", "partita iva", "identifiant fiscal", "numero fiscal", "numero de identificacion fiscal",
                    "rfc", "ein", "itin", "abn", "tfn", "pan number", "gstin", "nric", "hetu", "henkilotunnus",
                    "rodne cislo", "cnp", "emso", "oib", "egn", "amka", "pps number", "ppsn", "nhs number",
                    "medicare number", "rrn", "resident registration number", "cpr", "cpr nummer", "isikukood",
                    "asmens kodas", "personas kods", "my number", "mynumber", "マイナンバー", "税号", "身份证号",
                    "주민등록번호", "инн", "снилс", "passport no", "passport num", "reisepass", "pasaporte", "passeport",
                    "fuhrerschein", "permis de conduire", "carnet de conducir", "dl number", "dl no",
                    "numero de securite sociale", "sozialversicherungsnummer", "burgerservicenummer",
                    "codigo fiscal", "rut", "curp", "dni number"),
            NameRule.of(OWNER_ONLY, 0.8, VALUE, "government id", "number", "no", "num", "nr").near(GOVERNMENT),
            NameRule.of(OWNER_ONLY, 0.85, VALUE, "payment data", "card number", "credit card", "cc number", "ccnum", "pan",
                    "card", "debit card", "iban", "account number", "bank account", "routing number", "sort code",
                    "cardholder", "card holder", "cardholder name", "card holder name", "kontonummer", "numero de cuenta",
                    "cuenta bancaria", "numero de tarjeta", "tarjeta", "kreditkarte", "carte bancaire"),
            NameRule.of(OWNER_ONLY, 0.8, VALUE, "payment data", "number", "no", "num", "nr").near(CARD),
            NameRule.of(OWNER_ONLY, 0.8, VALUE, "payment data", "number", "no", "num", "nr").near(BANK),
            NameRule.of(OWNER_ONLY, 0.8, VALUE, "phone number", "number", "no", "num", "nr").near(PHONE),
            NameRule.of(OWNER_ONLY, 0.65, VALUE, "payment data", "expiry", "expiration", "exp", "exp month", "exp year",
                    "expiry month", "expiry year", "expiration month", "expiration year", "expiration date",
                    "expiry date", "valid thru", "last 4", "last four", "last digits", "holder name", "brand")
                    .near(CARD),
            NameRule.of(OWNER_ONLY, 0.6, VALUE, "payment data", "last 4", "last four", "billing", "payment method",
                    "payment details", "bank details"),
            NameRule.of(OWNER_ONLY, 0.5, VALUE, "financial data", "balance", "salary", "income", "net worth",
                    "credit score", "credit limit", "wallet balance", "wallet address", "loyalty points", "points",
                    "credits", "debt"),
            NameRule.of(OWNER_ONLY, 0.55, VALUE, "purchase history", "orders", "purchases", "transactions", "payments",
                    "invoices", "charges", "order history", "purchase history", "bookings", "subscriptions"),
            NameRule.of(OWNER_ONLY, 0.75, VALUE, "location", "location", "geo", "geolocation", "geo location",
                    "coordinates", "coordinate", "coords", "gps", "lat", "latitude", "lng", "lon", "longitude", "geohash",
                    "geopoint", "home location", "last location", "lat lng", "lat lon", "ubicacion", "standort",
                    "position gps"),
            NameRule.of(OWNER_ONLY, 0.7, VALUE, "network identifier", "ip", "ip address", "ip addr", "ipv", "client ip",
                    "remote ip", "remote addr", "remote address", "source ip", "mac address", "mac", "imei", "imsi", "iccid",
                    "device fingerprint", "fingerprint", "user agent"),
            NameRule.of(OWNER_ONLY, 0.8, FACT, "health data", "diagnosis", "diagnoses", "icd", "icd 10", "icd code",
                    "medical condition", "condition code", "medication", "medicine", "prescription", "allergy",
                    "blood type", "blood group", "blood pressure", "heart rate", "glucose", "bmi", "symptom", "treatment",
                    "lab result", "mrn", "medical record number", "medical record", "health record", "clinical note",
                    "clinical notes", "vaccination", "vaccine", "immunization", "pregnant", "pregnancy", "hiv",
                    "disability", "genetic", "genome", "dna", "mental health", "therapy", "diagnose", "diagnostico",
                    "medikament", "biometric", "biometrics", "disease", "illness", "smoker"),
            NameRule.of(OWNER_ONLY, 0.5, VALUE, "health data", "weight", "height", "pulse", "temperature", "steps")
                    .near(BODY),
            NameRule.of(OWNER_ONLY, 0.7, FACT, "health data", "vitals", "vital signs", "health", "medical history",
                    "lab results"),
            NameRule.of(OWNER_ONLY, 0.6, VALUE, "insurance data", "insurance"),
            NameRule.of(OWNER_ONLY, 0.5, VALUE, "payment data", "amount", "amount refunded", "amount paid", "fee")
                    .near(Set.of("payment", "transaction", "billing", "invoice", "order", "charge", "refund", "wallet",
                            "account", "payout", "transfer")),
            NameRule.of(OWNER_ONLY, 0.75, VALUE, "health data", "insurance number", "insurance id", "policy number",
                    "member number", "insurance member id"),

            // --- public leanings: identifiers, display names, descriptive fields, timestamps, counts
            NameRule.of(PUBLIC, 0.6, VALUE, "identifier", "id", "uid", "uuid", "guid", "identifier", "pk", "slug", "sku",
                    "primary key", "partition key", "sort key", "hash key", "range key", "object key", "s3 key",
                    "cache key", "idempotency key", "foreign key", "lookup key", "i18n key", "translation key",
                    "storage key", "file key", "dedup key", "dedupe key", "ref", "arn", "urn", "serial",
                    "serial number", "ean", "isbn", "gtin", "upc").asIdentifier(),
            NameRule.of(PUBLIC, 0.55, VALUE, "public key material", "public key", "publishable key", "certificate", "cert",
                    "public cert").asIdentifier(),
            NameRule.of(PUBLIC, 0.5, VALUE, "checksum", "etag", "checksum", "crc", "content hash", "file hash",
                    "image hash", "content md 5", "md 5", "sha", "sha 1", "sha 256", "content sha 256", "commit", "commit sha",
                    "commit hash", "commit id", "git sha", "git commit", "git hash", "revision", "rev", "sha 512",
                    "blob sha", "tree sha", "file sha", "object hash", "build hash", "source hash").asIdentifier(),
            NameRule.of(PUBLIC, 0.5, VALUE, "pagination cursor", "next token", "page token", "next page token",
                    "pagination token", "continuation token", "sync token", "cursor", "last evaluated key",
                    "exclusive start key", "start key").asIdentifier(),
            NameRule.of(PUBLIC, 0.5, VALUE, "usage count", "max tokens", "input tokens", "output tokens", "prompt tokens",
                    "completion tokens", "total tokens", "num tokens", "tokens used", "token usage", "token limit",
                    "number of tokens"),
            NameRule.of(PUBLIC, 0.55, VALUE, "display name", "username", "user name", "login", "display name",
                    "nickname", "nick name", "nick", "screen name", "handle", "author", "author name", "gamertag",
                    "alias", "benutzername", "nombre de usuario"),
            NameRule.of(PUBLIC, 0.4, VALUE, "name", "name", "title"),
            NameRule.of(PUBLIC, 0.45, VALUE, "descriptive field", "description", "summary", "tag", "label", "category",
                    "genre", "bio", "website", "avatar", "avatar url", "thumbnail", "thumb", "icon", "logo", "image url",
                    "profile picture", "locale", "language", "lang", "timezone", "time zone", "tz", "currency", "status",
                    "type", "kind", "version", "plan", "tier", "color", "colour", "theme", "sort order", "display order",
                    "rank", "priority", "unit", "model", "firmware", "firmware version", "manufacturer", "region", "country",
                    "country code", "price", "sku name", "visibility", "url", "homepage", "domain", "custom domain",
                    "feature flags", "features"),
            NameRule.of(PUBLIC, 0.4, VALUE, "device reading", "battery", "battery level", "humidity", "voltage", "rssi",
                    "uptime", "signal strength", "pressure", "temperature", "temp", "reading"),
            NameRule.of(PUBLIC, 0.5, VALUE, "timestamp", "at", "timestamp", "ts", "created", "updated", "modified",
                    "datetime", "date", "time", "placed", "published", "ttl", "expires", "epoch"),
            NameRule.of(PUBLIC, 0.4, VALUE, "count", "count", "counter", "cnt", "quantity", "qty", "total", "seats",
                    "views", "likes", "followers", "attempts"),
            NameRule.of(PUBLIC, 0.45, VALUE, "public flag", "enabled", "active", "verified", "visible", "public",
                    "published", "complete", "completed", "deleted", "archived"));
}
