import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  connectedSocket,
  lintWithServer,
  maxSocketPathBytes,
  ruffFinding,
  ruffFindings,
  ruffSelection
} from "./chunk-RBNP2GGL.js";
import {
  distributionHint,
  lockFileName,
  moduleMapFileName,
  providerOf,
  readModuleMap
} from "./chunk-6M56B45Z.js";
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-XNDQ27F5.js";

// node_modules/nunjucks/src/lib.js
var require_lib = __commonJS({
  "node_modules/nunjucks/src/lib.js"(exports, module2) {
    "use strict";
    var ArrayProto = Array.prototype;
    var ObjProto = Object.prototype;
    var escapeMap = {
      "&": "&amp;",
      '"': "&quot;",
      "'": "&#39;",
      "<": "&lt;",
      ">": "&gt;",
      "\\": "&#92;"
    };
    var escapeRegex2 = /[&"'<>\\]/g;
    var _exports = module2.exports = {};
    function hasOwnProp(obj, k) {
      return ObjProto.hasOwnProperty.call(obj, k);
    }
    _exports.hasOwnProp = hasOwnProp;
    function lookupEscape(ch) {
      return escapeMap[ch];
    }
    function _prettifyError(path, withInternals, err2) {
      if (!err2.Update) {
        err2 = new _exports.TemplateError(err2);
      }
      err2.Update(path);
      if (!withInternals) {
        var old = err2;
        err2 = new Error(old.message);
        err2.name = old.name;
      }
      return err2;
    }
    _exports._prettifyError = _prettifyError;
    function TemplateError(message, lineno, colno) {
      var err2;
      var cause;
      if (message instanceof Error) {
        cause = message;
        message = cause.name + ": " + cause.message;
      }
      if (Object.setPrototypeOf) {
        err2 = new Error(message);
        Object.setPrototypeOf(err2, TemplateError.prototype);
      } else {
        err2 = this;
        Object.defineProperty(err2, "message", {
          enumerable: false,
          writable: true,
          value: message
        });
      }
      Object.defineProperty(err2, "name", {
        value: "Template render error"
      });
      if (Error.captureStackTrace) {
        Error.captureStackTrace(err2, this.constructor);
      }
      var getStack;
      if (cause) {
        var stackDescriptor = Object.getOwnPropertyDescriptor(cause, "stack");
        getStack = stackDescriptor && (stackDescriptor.get || function() {
          return stackDescriptor.value;
        });
        if (!getStack) {
          getStack = function getStack2() {
            return cause.stack;
          };
        }
      } else {
        var stack = new Error(message).stack;
        getStack = function getStack2() {
          return stack;
        };
      }
      Object.defineProperty(err2, "stack", {
        get: function get() {
          return getStack.call(err2);
        }
      });
      Object.defineProperty(err2, "cause", {
        value: cause
      });
      err2.lineno = lineno;
      err2.colno = colno;
      err2.firstUpdate = true;
      err2.Update = function Update(path) {
        var msg = "(" + (path || "unknown path") + ")";
        if (this.firstUpdate) {
          if (this.lineno && this.colno) {
            msg += " [Line " + this.lineno + ", Column " + this.colno + "]";
          } else if (this.lineno) {
            msg += " [Line " + this.lineno + "]";
          }
        }
        msg += "\n ";
        if (this.firstUpdate) {
          msg += " ";
        }
        this.message = msg + (this.message || "");
        this.firstUpdate = false;
        return this;
      };
      return err2;
    }
    if (Object.setPrototypeOf) {
      Object.setPrototypeOf(TemplateError.prototype, Error.prototype);
    } else {
      TemplateError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: TemplateError
        }
      });
    }
    _exports.TemplateError = TemplateError;
    function escape(val) {
      return val.replace(escapeRegex2, lookupEscape);
    }
    _exports.escape = escape;
    function isFunction(obj) {
      return ObjProto.toString.call(obj) === "[object Function]";
    }
    _exports.isFunction = isFunction;
    function isArray(obj) {
      return ObjProto.toString.call(obj) === "[object Array]";
    }
    _exports.isArray = isArray;
    function isString(obj) {
      return ObjProto.toString.call(obj) === "[object String]";
    }
    _exports.isString = isString;
    function isObject(obj) {
      return ObjProto.toString.call(obj) === "[object Object]";
    }
    _exports.isObject = isObject;
    function _prepareAttributeParts(attr) {
      if (!attr) {
        return [];
      }
      if (typeof attr === "string") {
        return attr.split(".");
      }
      return [attr];
    }
    function getAttrGetter(attribute) {
      var parts2 = _prepareAttributeParts(attribute);
      return function attrGetter(item) {
        var _item = item;
        for (var i2 = 0; i2 < parts2.length; i2++) {
          var part = parts2[i2];
          if (hasOwnProp(_item, part)) {
            _item = _item[part];
          } else {
            return void 0;
          }
        }
        return _item;
      };
    }
    _exports.getAttrGetter = getAttrGetter;
    function groupBy(obj, val, throwOnUndefined) {
      var result = {};
      var iterator = isFunction(val) ? val : getAttrGetter(val);
      for (var i2 = 0; i2 < obj.length; i2++) {
        var value = obj[i2];
        var key = iterator(value, i2);
        if (key === void 0 && throwOnUndefined === true) {
          throw new TypeError('groupby: attribute "' + val + '" resolved to undefined');
        }
        (result[key] || (result[key] = [])).push(value);
      }
      return result;
    }
    _exports.groupBy = groupBy;
    function toArray(obj) {
      return Array.prototype.slice.call(obj);
    }
    _exports.toArray = toArray;
    function without(array) {
      var result = [];
      if (!array) {
        return result;
      }
      var length = array.length;
      var contains = toArray(arguments).slice(1);
      var index = -1;
      while (++index < length) {
        if (indexOf(contains, array[index]) === -1) {
          result.push(array[index]);
        }
      }
      return result;
    }
    _exports.without = without;
    function repeat(char_, n) {
      var str = "";
      for (var i2 = 0; i2 < n; i2++) {
        str += char_;
      }
      return str;
    }
    _exports.repeat = repeat;
    function each(obj, func2, context) {
      if (obj == null) {
        return;
      }
      if (ArrayProto.forEach && obj.forEach === ArrayProto.forEach) {
        obj.forEach(func2, context);
      } else if (obj.length === +obj.length) {
        for (var i2 = 0, l = obj.length; i2 < l; i2++) {
          func2.call(context, obj[i2], i2, obj);
        }
      }
    }
    _exports.each = each;
    function map(obj, func2) {
      var results = [];
      if (obj == null) {
        return results;
      }
      if (ArrayProto.map && obj.map === ArrayProto.map) {
        return obj.map(func2);
      }
      for (var i2 = 0; i2 < obj.length; i2++) {
        results[results.length] = func2(obj[i2], i2);
      }
      if (obj.length === +obj.length) {
        results.length = obj.length;
      }
      return results;
    }
    _exports.map = map;
    function asyncIter(arr, iter, cb) {
      var i2 = -1;
      function next() {
        i2++;
        if (i2 < arr.length) {
          iter(arr[i2], i2, next, cb);
        } else {
          cb();
        }
      }
      next();
    }
    _exports.asyncIter = asyncIter;
    function asyncFor(obj, iter, cb) {
      var keys = keys_(obj || {});
      var len = keys.length;
      var i2 = -1;
      function next() {
        i2++;
        var k = keys[i2];
        if (i2 < len) {
          iter(k, obj[k], i2, len, next);
        } else {
          cb();
        }
      }
      next();
    }
    _exports.asyncFor = asyncFor;
    function indexOf(arr, searchElement, fromIndex) {
      return Array.prototype.indexOf.call(arr || [], searchElement, fromIndex);
    }
    _exports.indexOf = indexOf;
    function keys_(obj) {
      var arr = [];
      for (var k in obj) {
        if (hasOwnProp(obj, k)) {
          arr.push(k);
        }
      }
      return arr;
    }
    _exports.keys = keys_;
    function _entries(obj) {
      return keys_(obj).map(function(k) {
        return [k, obj[k]];
      });
    }
    _exports._entries = _entries;
    function _values(obj) {
      return keys_(obj).map(function(k) {
        return obj[k];
      });
    }
    _exports._values = _values;
    function extend(obj1, obj2) {
      obj1 = obj1 || {};
      keys_(obj2).forEach(function(k) {
        obj1[k] = obj2[k];
      });
      return obj1;
    }
    _exports._assign = _exports.extend = extend;
    function inOperator(key, val) {
      if (isArray(val) || isString(val)) {
        return val.indexOf(key) !== -1;
      } else if (isObject(val)) {
        return key in val;
      }
      throw new Error('Cannot use "in" operator to search for "' + key + '" in unexpected types.');
    }
    _exports.inOperator = inOperator;
  }
});

// node_modules/nunjucks/src/lexer.js
var require_lexer = __commonJS({
  "node_modules/nunjucks/src/lexer.js"(exports, module2) {
    "use strict";
    var lib = require_lib();
    var whitespaceChars = " \n	\r\xA0";
    var delimChars = "()[]{}%*-+~/#,:|.<>=!";
    var intChars = "0123456789";
    var BLOCK_START = "{%";
    var BLOCK_END = "%}";
    var VARIABLE_START = "{{";
    var VARIABLE_END = "}}";
    var COMMENT_START = "{#";
    var COMMENT_END = "#}";
    var TOKEN_STRING = "string";
    var TOKEN_WHITESPACE = "whitespace";
    var TOKEN_DATA = "data";
    var TOKEN_BLOCK_START = "block-start";
    var TOKEN_BLOCK_END = "block-end";
    var TOKEN_VARIABLE_START = "variable-start";
    var TOKEN_VARIABLE_END = "variable-end";
    var TOKEN_COMMENT = "comment";
    var TOKEN_LEFT_PAREN = "left-paren";
    var TOKEN_RIGHT_PAREN = "right-paren";
    var TOKEN_LEFT_BRACKET = "left-bracket";
    var TOKEN_RIGHT_BRACKET = "right-bracket";
    var TOKEN_LEFT_CURLY = "left-curly";
    var TOKEN_RIGHT_CURLY = "right-curly";
    var TOKEN_OPERATOR = "operator";
    var TOKEN_COMMA = "comma";
    var TOKEN_COLON = "colon";
    var TOKEN_TILDE = "tilde";
    var TOKEN_PIPE = "pipe";
    var TOKEN_INT = "int";
    var TOKEN_FLOAT = "float";
    var TOKEN_BOOLEAN = "boolean";
    var TOKEN_NONE = "none";
    var TOKEN_SYMBOL = "symbol";
    var TOKEN_SPECIAL = "special";
    var TOKEN_REGEX = "regex";
    function token(type, value, lineno, colno) {
      return {
        type,
        value,
        lineno,
        colno
      };
    }
    var Tokenizer = /* @__PURE__ */ (function() {
      function Tokenizer2(str, opts) {
        this.str = str;
        this.index = 0;
        this.len = str.length;
        this.lineno = 0;
        this.colno = 0;
        this.in_code = false;
        opts = opts || {};
        var tags = opts.tags || {};
        this.tags = {
          BLOCK_START: tags.blockStart || BLOCK_START,
          BLOCK_END: tags.blockEnd || BLOCK_END,
          VARIABLE_START: tags.variableStart || VARIABLE_START,
          VARIABLE_END: tags.variableEnd || VARIABLE_END,
          COMMENT_START: tags.commentStart || COMMENT_START,
          COMMENT_END: tags.commentEnd || COMMENT_END
        };
        this.trimBlocks = !!opts.trimBlocks;
        this.lstripBlocks = !!opts.lstripBlocks;
      }
      var _proto = Tokenizer2.prototype;
      _proto.nextToken = function nextToken() {
        var lineno = this.lineno;
        var colno = this.colno;
        var tok;
        if (this.in_code) {
          var cur = this.current();
          if (this.isFinished()) {
            return null;
          } else if (cur === '"' || cur === "'") {
            return token(TOKEN_STRING, this._parseString(cur), lineno, colno);
          } else if (tok = this._extract(whitespaceChars)) {
            return token(TOKEN_WHITESPACE, tok, lineno, colno);
          } else if ((tok = this._extractString(this.tags.BLOCK_END)) || (tok = this._extractString("-" + this.tags.BLOCK_END))) {
            this.in_code = false;
            if (this.trimBlocks) {
              cur = this.current();
              if (cur === "\n") {
                this.forward();
              } else if (cur === "\r") {
                this.forward();
                cur = this.current();
                if (cur === "\n") {
                  this.forward();
                } else {
                  this.back();
                }
              }
            }
            return token(TOKEN_BLOCK_END, tok, lineno, colno);
          } else if ((tok = this._extractString(this.tags.VARIABLE_END)) || (tok = this._extractString("-" + this.tags.VARIABLE_END))) {
            this.in_code = false;
            return token(TOKEN_VARIABLE_END, tok, lineno, colno);
          } else if (cur === "r" && this.str.charAt(this.index + 1) === "/") {
            this.forwardN(2);
            var regexBody = "";
            while (!this.isFinished()) {
              if (this.current() === "/" && this.previous() !== "\\") {
                this.forward();
                break;
              } else {
                regexBody += this.current();
                this.forward();
              }
            }
            var POSSIBLE_FLAGS = ["g", "i", "m", "y"];
            var regexFlags = "";
            while (!this.isFinished()) {
              var isCurrentAFlag = POSSIBLE_FLAGS.indexOf(this.current()) !== -1;
              if (isCurrentAFlag) {
                regexFlags += this.current();
                this.forward();
              } else {
                break;
              }
            }
            return token(TOKEN_REGEX, {
              body: regexBody,
              flags: regexFlags
            }, lineno, colno);
          } else if (delimChars.indexOf(cur) !== -1) {
            this.forward();
            var complexOps = ["==", "===", "!=", "!==", "<=", ">=", "//", "**"];
            var curComplex = cur + this.current();
            var type;
            if (lib.indexOf(complexOps, curComplex) !== -1) {
              this.forward();
              cur = curComplex;
              if (lib.indexOf(complexOps, curComplex + this.current()) !== -1) {
                cur = curComplex + this.current();
                this.forward();
              }
            }
            switch (cur) {
              case "(":
                type = TOKEN_LEFT_PAREN;
                break;
              case ")":
                type = TOKEN_RIGHT_PAREN;
                break;
              case "[":
                type = TOKEN_LEFT_BRACKET;
                break;
              case "]":
                type = TOKEN_RIGHT_BRACKET;
                break;
              case "{":
                type = TOKEN_LEFT_CURLY;
                break;
              case "}":
                type = TOKEN_RIGHT_CURLY;
                break;
              case ",":
                type = TOKEN_COMMA;
                break;
              case ":":
                type = TOKEN_COLON;
                break;
              case "~":
                type = TOKEN_TILDE;
                break;
              case "|":
                type = TOKEN_PIPE;
                break;
              default:
                type = TOKEN_OPERATOR;
            }
            return token(type, cur, lineno, colno);
          } else {
            tok = this._extractUntil(whitespaceChars + delimChars);
            if (tok.match(/^[-+]?[0-9]+$/)) {
              if (this.current() === ".") {
                this.forward();
                var dec = this._extract(intChars);
                return token(TOKEN_FLOAT, tok + "." + dec, lineno, colno);
              } else {
                return token(TOKEN_INT, tok, lineno, colno);
              }
            } else if (tok.match(/^(true|false)$/)) {
              return token(TOKEN_BOOLEAN, tok, lineno, colno);
            } else if (tok === "none") {
              return token(TOKEN_NONE, tok, lineno, colno);
            } else if (tok === "null") {
              return token(TOKEN_NONE, tok, lineno, colno);
            } else if (tok) {
              return token(TOKEN_SYMBOL, tok, lineno, colno);
            } else {
              throw new Error("Unexpected value while parsing: " + tok);
            }
          }
        } else {
          var beginChars = this.tags.BLOCK_START.charAt(0) + this.tags.VARIABLE_START.charAt(0) + this.tags.COMMENT_START.charAt(0) + this.tags.COMMENT_END.charAt(0);
          if (this.isFinished()) {
            return null;
          } else if ((tok = this._extractString(this.tags.BLOCK_START + "-")) || (tok = this._extractString(this.tags.BLOCK_START))) {
            this.in_code = true;
            return token(TOKEN_BLOCK_START, tok, lineno, colno);
          } else if ((tok = this._extractString(this.tags.VARIABLE_START + "-")) || (tok = this._extractString(this.tags.VARIABLE_START))) {
            this.in_code = true;
            return token(TOKEN_VARIABLE_START, tok, lineno, colno);
          } else {
            tok = "";
            var data;
            var inComment = false;
            if (this._matches(this.tags.COMMENT_START)) {
              inComment = true;
              tok = this._extractString(this.tags.COMMENT_START);
            }
            while ((data = this._extractUntil(beginChars)) !== null) {
              tok += data;
              if ((this._matches(this.tags.BLOCK_START) || this._matches(this.tags.VARIABLE_START) || this._matches(this.tags.COMMENT_START)) && !inComment) {
                if (this.lstripBlocks && this._matches(this.tags.BLOCK_START) && this.colno > 0 && this.colno <= tok.length) {
                  var lastLine = tok.slice(-this.colno);
                  if (/^\s+$/.test(lastLine)) {
                    tok = tok.slice(0, -this.colno);
                    if (!tok.length) {
                      return this.nextToken();
                    }
                  }
                }
                break;
              } else if (this._matches(this.tags.COMMENT_END)) {
                if (!inComment) {
                  throw new Error("unexpected end of comment");
                }
                tok += this._extractString(this.tags.COMMENT_END);
                break;
              } else {
                tok += this.current();
                this.forward();
              }
            }
            if (data === null && inComment) {
              throw new Error("expected end of comment, got end of file");
            }
            return token(inComment ? TOKEN_COMMENT : TOKEN_DATA, tok, lineno, colno);
          }
        }
      };
      _proto._parseString = function _parseString(delimiter2) {
        this.forward();
        var str = "";
        while (!this.isFinished() && this.current() !== delimiter2) {
          var cur = this.current();
          if (cur === "\\") {
            this.forward();
            switch (this.current()) {
              case "n":
                str += "\n";
                break;
              case "t":
                str += "	";
                break;
              case "r":
                str += "\r";
                break;
              default:
                str += this.current();
            }
            this.forward();
          } else {
            str += cur;
            this.forward();
          }
        }
        this.forward();
        return str;
      };
      _proto._matches = function _matches(str) {
        if (this.index + str.length > this.len) {
          return null;
        }
        var m = this.str.slice(this.index, this.index + str.length);
        return m === str;
      };
      _proto._extractString = function _extractString(str) {
        if (this._matches(str)) {
          this.forwardN(str.length);
          return str;
        }
        return null;
      };
      _proto._extractUntil = function _extractUntil(charString) {
        return this._extractMatching(true, charString || "");
      };
      _proto._extract = function _extract(charString) {
        return this._extractMatching(false, charString);
      };
      _proto._extractMatching = function _extractMatching(breakOnMatch, charString) {
        if (this.isFinished()) {
          return null;
        }
        var first = charString.indexOf(this.current());
        if (breakOnMatch && first === -1 || !breakOnMatch && first !== -1) {
          var t = this.current();
          this.forward();
          var idx = charString.indexOf(this.current());
          while ((breakOnMatch && idx === -1 || !breakOnMatch && idx !== -1) && !this.isFinished()) {
            t += this.current();
            this.forward();
            idx = charString.indexOf(this.current());
          }
          return t;
        }
        return "";
      };
      _proto._extractRegex = function _extractRegex(regex) {
        var matches = this.currentStr().match(regex);
        if (!matches) {
          return null;
        }
        this.forwardN(matches[0].length);
        return matches;
      };
      _proto.isFinished = function isFinished() {
        return this.index >= this.len;
      };
      _proto.forwardN = function forwardN(n) {
        for (var i2 = 0; i2 < n; i2++) {
          this.forward();
        }
      };
      _proto.forward = function forward() {
        this.index++;
        if (this.previous() === "\n") {
          this.lineno++;
          this.colno = 0;
        } else {
          this.colno++;
        }
      };
      _proto.backN = function backN(n) {
        for (var i2 = 0; i2 < n; i2++) {
          this.back();
        }
      };
      _proto.back = function back() {
        this.index--;
        if (this.current() === "\n") {
          this.lineno--;
          var idx = this.src.lastIndexOf("\n", this.index - 1);
          if (idx === -1) {
            this.colno = this.index;
          } else {
            this.colno = this.index - idx;
          }
        } else {
          this.colno--;
        }
      };
      _proto.current = function current() {
        if (!this.isFinished()) {
          return this.str.charAt(this.index);
        }
        return "";
      };
      _proto.currentStr = function currentStr() {
        if (!this.isFinished()) {
          return this.str.substr(this.index);
        }
        return "";
      };
      _proto.previous = function previous() {
        return this.str.charAt(this.index - 1);
      };
      return Tokenizer2;
    })();
    module2.exports = {
      lex: function lex(src, opts) {
        return new Tokenizer(src, opts);
      },
      TOKEN_STRING,
      TOKEN_WHITESPACE,
      TOKEN_DATA,
      TOKEN_BLOCK_START,
      TOKEN_BLOCK_END,
      TOKEN_VARIABLE_START,
      TOKEN_VARIABLE_END,
      TOKEN_COMMENT,
      TOKEN_LEFT_PAREN,
      TOKEN_RIGHT_PAREN,
      TOKEN_LEFT_BRACKET,
      TOKEN_RIGHT_BRACKET,
      TOKEN_LEFT_CURLY,
      TOKEN_RIGHT_CURLY,
      TOKEN_OPERATOR,
      TOKEN_COMMA,
      TOKEN_COLON,
      TOKEN_TILDE,
      TOKEN_PIPE,
      TOKEN_INT,
      TOKEN_FLOAT,
      TOKEN_BOOLEAN,
      TOKEN_NONE,
      TOKEN_SYMBOL,
      TOKEN_SPECIAL,
      TOKEN_REGEX
    };
  }
});

// node_modules/nunjucks/src/object.js
var require_object = __commonJS({
  "node_modules/nunjucks/src/object.js"(exports, module2) {
    "use strict";
    function _defineProperties(target, props) {
      for (var i2 = 0; i2 < props.length; i2++) {
        var descriptor = props[i2];
        descriptor.enumerable = descriptor.enumerable || false;
        descriptor.configurable = true;
        if ("value" in descriptor) descriptor.writable = true;
        Object.defineProperty(target, _toPropertyKey(descriptor.key), descriptor);
      }
    }
    function _createClass(Constructor, protoProps, staticProps) {
      if (protoProps) _defineProperties(Constructor.prototype, protoProps);
      if (staticProps) _defineProperties(Constructor, staticProps);
      Object.defineProperty(Constructor, "prototype", { writable: false });
      return Constructor;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key === "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input !== "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res !== "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype);
      subClass.prototype.constructor = subClass;
      _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf2(o2, p2) {
        o2.__proto__ = p2;
        return o2;
      };
      return _setPrototypeOf(o, p);
    }
    var EventEmitter = __require("events");
    var lib = require_lib();
    function parentWrap(parent, prop) {
      if (typeof parent !== "function" || typeof prop !== "function") {
        return prop;
      }
      return function wrap() {
        var tmp = this.parent;
        this.parent = parent;
        var res = prop.apply(this, arguments);
        this.parent = tmp;
        return res;
      };
    }
    function extendClass(cls, name2, props) {
      props = props || {};
      lib.keys(props).forEach(function(k) {
        props[k] = parentWrap(cls.prototype[k], props[k]);
      });
      var subclass = /* @__PURE__ */ (function(_cls) {
        _inheritsLoose(subclass2, _cls);
        function subclass2() {
          return _cls.apply(this, arguments) || this;
        }
        _createClass(subclass2, [{
          key: "typename",
          get: function get() {
            return name2;
          }
        }]);
        return subclass2;
      })(cls);
      lib._assign(subclass.prototype, props);
      return subclass;
    }
    var Obj = /* @__PURE__ */ (function() {
      function Obj2() {
        this.init.apply(this, arguments);
      }
      var _proto = Obj2.prototype;
      _proto.init = function init2() {
      };
      Obj2.extend = function extend(name2, props) {
        if (typeof name2 === "object") {
          props = name2;
          name2 = "anonymous";
        }
        return extendClass(this, name2, props);
      };
      _createClass(Obj2, [{
        key: "typename",
        get: function get() {
          return this.constructor.name;
        }
      }]);
      return Obj2;
    })();
    var EmitterObj = /* @__PURE__ */ (function(_EventEmitter) {
      _inheritsLoose(EmitterObj2, _EventEmitter);
      function EmitterObj2() {
        var _this2;
        var _this;
        _this = _EventEmitter.call(this) || this;
        (_this2 = _this).init.apply(_this2, arguments);
        return _this;
      }
      var _proto2 = EmitterObj2.prototype;
      _proto2.init = function init2() {
      };
      EmitterObj2.extend = function extend(name2, props) {
        if (typeof name2 === "object") {
          props = name2;
          name2 = "anonymous";
        }
        return extendClass(this, name2, props);
      };
      _createClass(EmitterObj2, [{
        key: "typename",
        get: function get() {
          return this.constructor.name;
        }
      }]);
      return EmitterObj2;
    })(EventEmitter);
    module2.exports = {
      Obj,
      EmitterObj
    };
  }
});

// node_modules/nunjucks/src/nodes.js
var require_nodes = __commonJS({
  "node_modules/nunjucks/src/nodes.js"(exports, module2) {
    "use strict";
    function _defineProperties(target, props) {
      for (var i2 = 0; i2 < props.length; i2++) {
        var descriptor = props[i2];
        descriptor.enumerable = descriptor.enumerable || false;
        descriptor.configurable = true;
        if ("value" in descriptor) descriptor.writable = true;
        Object.defineProperty(target, _toPropertyKey(descriptor.key), descriptor);
      }
    }
    function _createClass(Constructor, protoProps, staticProps) {
      if (protoProps) _defineProperties(Constructor.prototype, protoProps);
      if (staticProps) _defineProperties(Constructor, staticProps);
      Object.defineProperty(Constructor, "prototype", { writable: false });
      return Constructor;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key === "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input !== "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res !== "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype);
      subClass.prototype.constructor = subClass;
      _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf2(o2, p2) {
        o2.__proto__ = p2;
        return o2;
      };
      return _setPrototypeOf(o, p);
    }
    var _require = require_object();
    var Obj = _require.Obj;
    function traverseAndCheck(obj, type, results) {
      if (obj instanceof type) {
        results.push(obj);
      }
      if (obj instanceof Node2) {
        obj.findAll(type, results);
      }
    }
    var Node2 = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Node3, _Obj);
      function Node3() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto = Node3.prototype;
      _proto.init = function init2(lineno, colno) {
        var _arguments = arguments, _this = this;
        for (var _len = arguments.length, args2 = new Array(_len > 2 ? _len - 2 : 0), _key = 2; _key < _len; _key++) {
          args2[_key - 2] = arguments[_key];
        }
        this.lineno = lineno;
        this.colno = colno;
        this.fields.forEach(function(field, i2) {
          var val = _arguments[i2 + 2];
          if (val === void 0) {
            val = null;
          }
          _this[field] = val;
        });
      };
      _proto.findAll = function findAll(type, results) {
        var _this2 = this;
        results = results || [];
        if (this instanceof NodeList) {
          this.children.forEach(function(child) {
            return traverseAndCheck(child, type, results);
          });
        } else {
          this.fields.forEach(function(field) {
            return traverseAndCheck(_this2[field], type, results);
          });
        }
        return results;
      };
      _proto.iterFields = function iterFields(func2) {
        var _this3 = this;
        this.fields.forEach(function(field) {
          func2(_this3[field], field);
        });
      };
      return Node3;
    })(Obj);
    var Value = /* @__PURE__ */ (function(_Node) {
      _inheritsLoose(Value2, _Node);
      function Value2() {
        return _Node.apply(this, arguments) || this;
      }
      _createClass(Value2, [{
        key: "typename",
        get: function get() {
          return "Value";
        }
      }, {
        key: "fields",
        get: function get() {
          return ["value"];
        }
      }]);
      return Value2;
    })(Node2);
    var NodeList = /* @__PURE__ */ (function(_Node2) {
      _inheritsLoose(NodeList2, _Node2);
      function NodeList2() {
        return _Node2.apply(this, arguments) || this;
      }
      var _proto2 = NodeList2.prototype;
      _proto2.init = function init2(lineno, colno, nodes) {
        _Node2.prototype.init.call(this, lineno, colno, nodes || []);
      };
      _proto2.addChild = function addChild(node) {
        this.children.push(node);
      };
      _createClass(NodeList2, [{
        key: "typename",
        get: function get() {
          return "NodeList";
        }
      }, {
        key: "fields",
        get: function get() {
          return ["children"];
        }
      }]);
      return NodeList2;
    })(Node2);
    var Root = NodeList.extend("Root");
    var Literal = Value.extend("Literal");
    var _Symbol = Value.extend("Symbol");
    var Group = NodeList.extend("Group");
    var ArrayNode = NodeList.extend("Array");
    var Pair = Node2.extend("Pair", {
      fields: ["key", "value"]
    });
    var Dict = NodeList.extend("Dict");
    var LookupVal = Node2.extend("LookupVal", {
      fields: ["target", "val"]
    });
    var If = Node2.extend("If", {
      fields: ["cond", "body", "else_"]
    });
    var IfAsync = If.extend("IfAsync");
    var InlineIf = Node2.extend("InlineIf", {
      fields: ["cond", "body", "else_"]
    });
    var For = Node2.extend("For", {
      fields: ["arr", "name", "body", "else_"]
    });
    var AsyncEach = For.extend("AsyncEach");
    var AsyncAll = For.extend("AsyncAll");
    var Macro = Node2.extend("Macro", {
      fields: ["name", "args", "body"]
    });
    var Caller = Macro.extend("Caller");
    var Import = Node2.extend("Import", {
      fields: ["template", "target", "withContext"]
    });
    var FromImport = /* @__PURE__ */ (function(_Node3) {
      _inheritsLoose(FromImport2, _Node3);
      function FromImport2() {
        return _Node3.apply(this, arguments) || this;
      }
      var _proto3 = FromImport2.prototype;
      _proto3.init = function init2(lineno, colno, template, names, withContext) {
        _Node3.prototype.init.call(this, lineno, colno, template, names || new NodeList(), withContext);
      };
      _createClass(FromImport2, [{
        key: "typename",
        get: function get() {
          return "FromImport";
        }
      }, {
        key: "fields",
        get: function get() {
          return ["template", "names", "withContext"];
        }
      }]);
      return FromImport2;
    })(Node2);
    var FunCall = Node2.extend("FunCall", {
      fields: ["name", "args"]
    });
    var Filter = FunCall.extend("Filter");
    var FilterAsync = Filter.extend("FilterAsync", {
      fields: ["name", "args", "symbol"]
    });
    var KeywordArgs = Dict.extend("KeywordArgs");
    var Block = Node2.extend("Block", {
      fields: ["name", "body"]
    });
    var Super = Node2.extend("Super", {
      fields: ["blockName", "symbol"]
    });
    var TemplateRef = Node2.extend("TemplateRef", {
      fields: ["template"]
    });
    var Extends = TemplateRef.extend("Extends");
    var Include = Node2.extend("Include", {
      fields: ["template", "ignoreMissing"]
    });
    var Set2 = Node2.extend("Set", {
      fields: ["targets", "value"]
    });
    var Switch = Node2.extend("Switch", {
      fields: ["expr", "cases", "default"]
    });
    var Case = Node2.extend("Case", {
      fields: ["cond", "body"]
    });
    var Output = NodeList.extend("Output");
    var Capture = Node2.extend("Capture", {
      fields: ["body"]
    });
    var TemplateData = Literal.extend("TemplateData");
    var UnaryOp = Node2.extend("UnaryOp", {
      fields: ["target"]
    });
    var BinOp = Node2.extend("BinOp", {
      fields: ["left", "right"]
    });
    var In = BinOp.extend("In");
    var Is = BinOp.extend("Is");
    var Or = BinOp.extend("Or");
    var And = BinOp.extend("And");
    var Not = UnaryOp.extend("Not");
    var Add = BinOp.extend("Add");
    var Concat = BinOp.extend("Concat");
    var Sub = BinOp.extend("Sub");
    var Mul = BinOp.extend("Mul");
    var Div = BinOp.extend("Div");
    var FloorDiv = BinOp.extend("FloorDiv");
    var Mod = BinOp.extend("Mod");
    var Pow = BinOp.extend("Pow");
    var Neg = UnaryOp.extend("Neg");
    var Pos = UnaryOp.extend("Pos");
    var Compare = Node2.extend("Compare", {
      fields: ["expr", "ops"]
    });
    var CompareOperand = Node2.extend("CompareOperand", {
      fields: ["expr", "type"]
    });
    var CallExtension = Node2.extend("CallExtension", {
      init: function init2(ext, prop, args2, contentArgs) {
        this.parent();
        this.extName = ext.__name || ext;
        this.prop = prop;
        this.args = args2 || new NodeList();
        this.contentArgs = contentArgs || [];
        this.autoescape = ext.autoescape;
      },
      fields: ["extName", "prop", "args", "contentArgs"]
    });
    var CallExtensionAsync = CallExtension.extend("CallExtensionAsync");
    function print(str, indent, inline) {
      var lines = str.split("\n");
      lines.forEach(function(line, i2) {
        if (line && (inline && i2 > 0 || !inline)) {
          process.stdout.write(" ".repeat(indent));
        }
        var nl = i2 === lines.length - 1 ? "" : "\n";
        process.stdout.write("" + line + nl);
      });
    }
    function printNodes(node, indent) {
      indent = indent || 0;
      print(node.typename + ": ", indent);
      if (node instanceof NodeList) {
        print("\n");
        node.children.forEach(function(n) {
          printNodes(n, indent + 2);
        });
      } else if (node instanceof CallExtension) {
        print(node.extName + "." + node.prop + "\n");
        if (node.args) {
          printNodes(node.args, indent + 2);
        }
        if (node.contentArgs) {
          node.contentArgs.forEach(function(n) {
            printNodes(n, indent + 2);
          });
        }
      } else {
        var nodes = [];
        var props = null;
        node.iterFields(function(val, fieldName) {
          if (val instanceof Node2) {
            nodes.push([fieldName, val]);
          } else {
            props = props || {};
            props[fieldName] = val;
          }
        });
        if (props) {
          print(JSON.stringify(props, null, 2) + "\n", null, true);
        } else {
          print("\n");
        }
        nodes.forEach(function(_ref) {
          var fieldName = _ref[0], n = _ref[1];
          print("[" + fieldName + "] =>", indent + 2);
          printNodes(n, indent + 4);
        });
      }
    }
    module2.exports = {
      Node: Node2,
      Root,
      NodeList,
      Value,
      Literal,
      Symbol: _Symbol,
      Group,
      Array: ArrayNode,
      Pair,
      Dict,
      Output,
      Capture,
      TemplateData,
      If,
      IfAsync,
      InlineIf,
      For,
      AsyncEach,
      AsyncAll,
      Macro,
      Caller,
      Import,
      FromImport,
      FunCall,
      Filter,
      FilterAsync,
      KeywordArgs,
      Block,
      Super,
      Extends,
      Include,
      Set: Set2,
      Switch,
      Case,
      LookupVal,
      BinOp,
      In,
      Is,
      Or,
      And,
      Not,
      Add,
      Concat,
      Sub,
      Mul,
      Div,
      FloorDiv,
      Mod,
      Pow,
      Neg,
      Pos,
      Compare,
      CompareOperand,
      CallExtension,
      CallExtensionAsync,
      printNodes
    };
  }
});

// node_modules/nunjucks/src/parser.js
var require_parser = __commonJS({
  "node_modules/nunjucks/src/parser.js"(exports, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype);
      subClass.prototype.constructor = subClass;
      _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf2(o2, p2) {
        o2.__proto__ = p2;
        return o2;
      };
      return _setPrototypeOf(o, p);
    }
    var lexer = require_lexer();
    var nodes = require_nodes();
    var Obj = require_object().Obj;
    var lib = require_lib();
    var Parser2 = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Parser3, _Obj);
      function Parser3() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto = Parser3.prototype;
      _proto.init = function init2(tokens) {
        this.tokens = tokens;
        this.peeked = null;
        this.breakOnBlocks = null;
        this.dropLeadingWhitespace = false;
        this.extensions = [];
      };
      _proto.nextToken = function nextToken(withWhitespace) {
        var tok;
        if (this.peeked) {
          if (!withWhitespace && this.peeked.type === lexer.TOKEN_WHITESPACE) {
            this.peeked = null;
          } else {
            tok = this.peeked;
            this.peeked = null;
            return tok;
          }
        }
        tok = this.tokens.nextToken();
        if (!withWhitespace) {
          while (tok && tok.type === lexer.TOKEN_WHITESPACE) {
            tok = this.tokens.nextToken();
          }
        }
        return tok;
      };
      _proto.peekToken = function peekToken() {
        this.peeked = this.peeked || this.nextToken();
        return this.peeked;
      };
      _proto.pushToken = function pushToken(tok) {
        if (this.peeked) {
          throw new Error("pushToken: can only push one token on between reads");
        }
        this.peeked = tok;
      };
      _proto.error = function error(msg, lineno, colno) {
        if (lineno === void 0 || colno === void 0) {
          var tok = this.peekToken() || {};
          lineno = tok.lineno;
          colno = tok.colno;
        }
        if (lineno !== void 0) {
          lineno += 1;
        }
        if (colno !== void 0) {
          colno += 1;
        }
        return new lib.TemplateError(msg, lineno, colno);
      };
      _proto.fail = function fail(msg, lineno, colno) {
        throw this.error(msg, lineno, colno);
      };
      _proto.skip = function skip(type) {
        var tok = this.nextToken();
        if (!tok || tok.type !== type) {
          this.pushToken(tok);
          return false;
        }
        return true;
      };
      _proto.expect = function expect(type) {
        var tok = this.nextToken();
        if (tok.type !== type) {
          this.fail("expected " + type + ", got " + tok.type, tok.lineno, tok.colno);
        }
        return tok;
      };
      _proto.skipValue = function skipValue(type, val) {
        var tok = this.nextToken();
        if (!tok || tok.type !== type || tok.value !== val) {
          this.pushToken(tok);
          return false;
        }
        return true;
      };
      _proto.skipSymbol = function skipSymbol(val) {
        return this.skipValue(lexer.TOKEN_SYMBOL, val);
      };
      _proto.advanceAfterBlockEnd = function advanceAfterBlockEnd(name2) {
        var tok;
        if (!name2) {
          tok = this.peekToken();
          if (!tok) {
            this.fail("unexpected end of file");
          }
          if (tok.type !== lexer.TOKEN_SYMBOL) {
            this.fail("advanceAfterBlockEnd: expected symbol token or explicit name to be passed");
          }
          name2 = this.nextToken().value;
        }
        tok = this.nextToken();
        if (tok && tok.type === lexer.TOKEN_BLOCK_END) {
          if (tok.value.charAt(0) === "-") {
            this.dropLeadingWhitespace = true;
          }
        } else {
          this.fail("expected block end in " + name2 + " statement");
        }
        return tok;
      };
      _proto.advanceAfterVariableEnd = function advanceAfterVariableEnd() {
        var tok = this.nextToken();
        if (tok && tok.type === lexer.TOKEN_VARIABLE_END) {
          this.dropLeadingWhitespace = tok.value.charAt(tok.value.length - this.tokens.tags.VARIABLE_END.length - 1) === "-";
        } else {
          this.pushToken(tok);
          this.fail("expected variable end");
        }
      };
      _proto.parseFor = function parseFor() {
        var forTok = this.peekToken();
        var node;
        var endBlock;
        if (this.skipSymbol("for")) {
          node = new nodes.For(forTok.lineno, forTok.colno);
          endBlock = "endfor";
        } else if (this.skipSymbol("asyncEach")) {
          node = new nodes.AsyncEach(forTok.lineno, forTok.colno);
          endBlock = "endeach";
        } else if (this.skipSymbol("asyncAll")) {
          node = new nodes.AsyncAll(forTok.lineno, forTok.colno);
          endBlock = "endall";
        } else {
          this.fail("parseFor: expected for{Async}", forTok.lineno, forTok.colno);
        }
        node.name = this.parsePrimary();
        if (!(node.name instanceof nodes.Symbol)) {
          this.fail("parseFor: variable name expected for loop");
        }
        var type = this.peekToken().type;
        if (type === lexer.TOKEN_COMMA) {
          var key = node.name;
          node.name = new nodes.Array(key.lineno, key.colno);
          node.name.addChild(key);
          while (this.skip(lexer.TOKEN_COMMA)) {
            var prim = this.parsePrimary();
            node.name.addChild(prim);
          }
        }
        if (!this.skipSymbol("in")) {
          this.fail('parseFor: expected "in" keyword for loop', forTok.lineno, forTok.colno);
        }
        node.arr = this.parseExpression();
        this.advanceAfterBlockEnd(forTok.value);
        node.body = this.parseUntilBlocks(endBlock, "else");
        if (this.skipSymbol("else")) {
          this.advanceAfterBlockEnd("else");
          node.else_ = this.parseUntilBlocks(endBlock);
        }
        this.advanceAfterBlockEnd();
        return node;
      };
      _proto.parseMacro = function parseMacro() {
        var macroTok = this.peekToken();
        if (!this.skipSymbol("macro")) {
          this.fail("expected macro");
        }
        var name2 = this.parsePrimary(true);
        var args2 = this.parseSignature();
        var node = new nodes.Macro(macroTok.lineno, macroTok.colno, name2, args2);
        this.advanceAfterBlockEnd(macroTok.value);
        node.body = this.parseUntilBlocks("endmacro");
        this.advanceAfterBlockEnd();
        return node;
      };
      _proto.parseCall = function parseCall() {
        var callTok = this.peekToken();
        if (!this.skipSymbol("call")) {
          this.fail("expected call");
        }
        var callerArgs = this.parseSignature(true) || new nodes.NodeList();
        var macroCall = this.parsePrimary();
        this.advanceAfterBlockEnd(callTok.value);
        var body2 = this.parseUntilBlocks("endcall");
        this.advanceAfterBlockEnd();
        var callerName = new nodes.Symbol(callTok.lineno, callTok.colno, "caller");
        var callerNode = new nodes.Caller(callTok.lineno, callTok.colno, callerName, callerArgs, body2);
        var args2 = macroCall.args.children;
        if (!(args2[args2.length - 1] instanceof nodes.KeywordArgs)) {
          args2.push(new nodes.KeywordArgs());
        }
        var kwargs = args2[args2.length - 1];
        kwargs.addChild(new nodes.Pair(callTok.lineno, callTok.colno, callerName, callerNode));
        return new nodes.Output(callTok.lineno, callTok.colno, [macroCall]);
      };
      _proto.parseWithContext = function parseWithContext() {
        var tok = this.peekToken();
        var withContext = null;
        if (this.skipSymbol("with")) {
          withContext = true;
        } else if (this.skipSymbol("without")) {
          withContext = false;
        }
        if (withContext !== null) {
          if (!this.skipSymbol("context")) {
            this.fail("parseFrom: expected context after with/without", tok.lineno, tok.colno);
          }
        }
        return withContext;
      };
      _proto.parseImport = function parseImport() {
        var importTok = this.peekToken();
        if (!this.skipSymbol("import")) {
          this.fail("parseImport: expected import", importTok.lineno, importTok.colno);
        }
        var template = this.parseExpression();
        if (!this.skipSymbol("as")) {
          this.fail('parseImport: expected "as" keyword', importTok.lineno, importTok.colno);
        }
        var target = this.parseExpression();
        var withContext = this.parseWithContext();
        var node = new nodes.Import(importTok.lineno, importTok.colno, template, target, withContext);
        this.advanceAfterBlockEnd(importTok.value);
        return node;
      };
      _proto.parseFrom = function parseFrom() {
        var fromTok = this.peekToken();
        if (!this.skipSymbol("from")) {
          this.fail("parseFrom: expected from");
        }
        var template = this.parseExpression();
        if (!this.skipSymbol("import")) {
          this.fail("parseFrom: expected import", fromTok.lineno, fromTok.colno);
        }
        var names = new nodes.NodeList();
        var withContext;
        while (1) {
          var nextTok = this.peekToken();
          if (nextTok.type === lexer.TOKEN_BLOCK_END) {
            if (!names.children.length) {
              this.fail("parseFrom: Expected at least one import name", fromTok.lineno, fromTok.colno);
            }
            if (nextTok.value.charAt(0) === "-") {
              this.dropLeadingWhitespace = true;
            }
            this.nextToken();
            break;
          }
          if (names.children.length > 0 && !this.skip(lexer.TOKEN_COMMA)) {
            this.fail("parseFrom: expected comma", fromTok.lineno, fromTok.colno);
          }
          var name2 = this.parsePrimary();
          if (name2.value.charAt(0) === "_") {
            this.fail("parseFrom: names starting with an underscore cannot be imported", name2.lineno, name2.colno);
          }
          if (this.skipSymbol("as")) {
            var alias = this.parsePrimary();
            names.addChild(new nodes.Pair(name2.lineno, name2.colno, name2, alias));
          } else {
            names.addChild(name2);
          }
          withContext = this.parseWithContext();
        }
        return new nodes.FromImport(fromTok.lineno, fromTok.colno, template, names, withContext);
      };
      _proto.parseBlock = function parseBlock() {
        var tag = this.peekToken();
        if (!this.skipSymbol("block")) {
          this.fail("parseBlock: expected block", tag.lineno, tag.colno);
        }
        var node = new nodes.Block(tag.lineno, tag.colno);
        node.name = this.parsePrimary();
        if (!(node.name instanceof nodes.Symbol)) {
          this.fail("parseBlock: variable name expected", tag.lineno, tag.colno);
        }
        this.advanceAfterBlockEnd(tag.value);
        node.body = this.parseUntilBlocks("endblock");
        this.skipSymbol("endblock");
        this.skipSymbol(node.name.value);
        var tok = this.peekToken();
        if (!tok) {
          this.fail("parseBlock: expected endblock, got end of file");
        }
        this.advanceAfterBlockEnd(tok.value);
        return node;
      };
      _proto.parseExtends = function parseExtends() {
        var tagName = "extends";
        var tag = this.peekToken();
        if (!this.skipSymbol(tagName)) {
          this.fail("parseTemplateRef: expected " + tagName);
        }
        var node = new nodes.Extends(tag.lineno, tag.colno);
        node.template = this.parseExpression();
        this.advanceAfterBlockEnd(tag.value);
        return node;
      };
      _proto.parseInclude = function parseInclude() {
        var tagName = "include";
        var tag = this.peekToken();
        if (!this.skipSymbol(tagName)) {
          this.fail("parseInclude: expected " + tagName);
        }
        var node = new nodes.Include(tag.lineno, tag.colno);
        node.template = this.parseExpression();
        if (this.skipSymbol("ignore") && this.skipSymbol("missing")) {
          node.ignoreMissing = true;
        }
        this.advanceAfterBlockEnd(tag.value);
        return node;
      };
      _proto.parseIf = function parseIf() {
        var tag = this.peekToken();
        var node;
        if (this.skipSymbol("if") || this.skipSymbol("elif") || this.skipSymbol("elseif")) {
          node = new nodes.If(tag.lineno, tag.colno);
        } else if (this.skipSymbol("ifAsync")) {
          node = new nodes.IfAsync(tag.lineno, tag.colno);
        } else {
          this.fail("parseIf: expected if, elif, or elseif", tag.lineno, tag.colno);
        }
        node.cond = this.parseExpression();
        this.advanceAfterBlockEnd(tag.value);
        node.body = this.parseUntilBlocks("elif", "elseif", "else", "endif");
        var tok = this.peekToken();
        switch (tok && tok.value) {
          case "elseif":
          case "elif":
            node.else_ = this.parseIf();
            break;
          case "else":
            this.advanceAfterBlockEnd();
            node.else_ = this.parseUntilBlocks("endif");
            this.advanceAfterBlockEnd();
            break;
          case "endif":
            node.else_ = null;
            this.advanceAfterBlockEnd();
            break;
          default:
            this.fail("parseIf: expected elif, else, or endif, got end of file");
        }
        return node;
      };
      _proto.parseSet = function parseSet() {
        var tag = this.peekToken();
        if (!this.skipSymbol("set")) {
          this.fail("parseSet: expected set", tag.lineno, tag.colno);
        }
        var node = new nodes.Set(tag.lineno, tag.colno, []);
        var target;
        while (target = this.parsePrimary()) {
          node.targets.push(target);
          if (!this.skip(lexer.TOKEN_COMMA)) {
            break;
          }
        }
        if (!this.skipValue(lexer.TOKEN_OPERATOR, "=")) {
          if (!this.skip(lexer.TOKEN_BLOCK_END)) {
            this.fail("parseSet: expected = or block end in set tag", tag.lineno, tag.colno);
          } else {
            node.body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks("endset"));
            node.value = null;
            this.advanceAfterBlockEnd();
          }
        } else {
          node.value = this.parseExpression();
          this.advanceAfterBlockEnd(tag.value);
        }
        return node;
      };
      _proto.parseSwitch = function parseSwitch() {
        var switchStart = "switch";
        var switchEnd = "endswitch";
        var caseStart = "case";
        var caseDefault = "default";
        var tag = this.peekToken();
        if (!this.skipSymbol(switchStart) && !this.skipSymbol(caseStart) && !this.skipSymbol(caseDefault)) {
          this.fail('parseSwitch: expected "switch," "case" or "default"', tag.lineno, tag.colno);
        }
        var expr = this.parseExpression();
        this.advanceAfterBlockEnd(switchStart);
        this.parseUntilBlocks(caseStart, caseDefault, switchEnd);
        var tok = this.peekToken();
        var cases = [];
        var defaultCase;
        do {
          this.skipSymbol(caseStart);
          var cond = this.parseExpression();
          this.advanceAfterBlockEnd(switchStart);
          var body2 = this.parseUntilBlocks(caseStart, caseDefault, switchEnd);
          cases.push(new nodes.Case(tok.line, tok.col, cond, body2));
          tok = this.peekToken();
        } while (tok && tok.value === caseStart);
        switch (tok.value) {
          case caseDefault:
            this.advanceAfterBlockEnd();
            defaultCase = this.parseUntilBlocks(switchEnd);
            this.advanceAfterBlockEnd();
            break;
          case switchEnd:
            this.advanceAfterBlockEnd();
            break;
          default:
            this.fail('parseSwitch: expected "case," "default" or "endswitch," got EOF.');
        }
        return new nodes.Switch(tag.lineno, tag.colno, expr, cases, defaultCase);
      };
      _proto.parseStatement = function parseStatement() {
        var tok = this.peekToken();
        var node;
        if (tok.type !== lexer.TOKEN_SYMBOL) {
          this.fail("tag name expected", tok.lineno, tok.colno);
        }
        if (this.breakOnBlocks && lib.indexOf(this.breakOnBlocks, tok.value) !== -1) {
          return null;
        }
        switch (tok.value) {
          case "raw":
            return this.parseRaw();
          case "verbatim":
            return this.parseRaw("verbatim");
          case "if":
          case "ifAsync":
            return this.parseIf();
          case "for":
          case "asyncEach":
          case "asyncAll":
            return this.parseFor();
          case "block":
            return this.parseBlock();
          case "extends":
            return this.parseExtends();
          case "include":
            return this.parseInclude();
          case "set":
            return this.parseSet();
          case "macro":
            return this.parseMacro();
          case "call":
            return this.parseCall();
          case "import":
            return this.parseImport();
          case "from":
            return this.parseFrom();
          case "filter":
            return this.parseFilterStatement();
          case "switch":
            return this.parseSwitch();
          default:
            if (this.extensions.length) {
              for (var i2 = 0; i2 < this.extensions.length; i2++) {
                var ext = this.extensions[i2];
                if (lib.indexOf(ext.tags || [], tok.value) !== -1) {
                  return ext.parse(this, nodes, lexer);
                }
              }
            }
            this.fail("unknown block tag: " + tok.value, tok.lineno, tok.colno);
        }
        return node;
      };
      _proto.parseRaw = function parseRaw(tagName) {
        tagName = tagName || "raw";
        var endTagName = "end" + tagName;
        var rawBlockRegex = new RegExp("([\\s\\S]*?){%\\s*(" + tagName + "|" + endTagName + ")\\s*(?=%})%}");
        var rawLevel = 1;
        var str = "";
        var matches = null;
        var begun = this.advanceAfterBlockEnd();
        while ((matches = this.tokens._extractRegex(rawBlockRegex)) && rawLevel > 0) {
          var all = matches[0];
          var pre = matches[1];
          var blockName = matches[2];
          if (blockName === tagName) {
            rawLevel += 1;
          } else if (blockName === endTagName) {
            rawLevel -= 1;
          }
          if (rawLevel === 0) {
            str += pre;
            this.tokens.backN(all.length - pre.length);
          } else {
            str += all;
          }
        }
        return new nodes.Output(begun.lineno, begun.colno, [new nodes.TemplateData(begun.lineno, begun.colno, str)]);
      };
      _proto.parsePostfix = function parsePostfix(node) {
        var lookup;
        var tok = this.peekToken();
        while (tok) {
          if (tok.type === lexer.TOKEN_LEFT_PAREN) {
            node = new nodes.FunCall(tok.lineno, tok.colno, node, this.parseSignature());
          } else if (tok.type === lexer.TOKEN_LEFT_BRACKET) {
            lookup = this.parseAggregate();
            if (lookup.children.length > 1) {
              this.fail("invalid index");
            }
            node = new nodes.LookupVal(tok.lineno, tok.colno, node, lookup.children[0]);
          } else if (tok.type === lexer.TOKEN_OPERATOR && tok.value === ".") {
            this.nextToken();
            var val = this.nextToken();
            if (val.type !== lexer.TOKEN_SYMBOL) {
              this.fail("expected name as lookup value, got " + val.value, val.lineno, val.colno);
            }
            lookup = new nodes.Literal(val.lineno, val.colno, val.value);
            node = new nodes.LookupVal(tok.lineno, tok.colno, node, lookup);
          } else {
            break;
          }
          tok = this.peekToken();
        }
        return node;
      };
      _proto.parseExpression = function parseExpression() {
        var node = this.parseInlineIf();
        return node;
      };
      _proto.parseInlineIf = function parseInlineIf() {
        var node = this.parseOr();
        if (this.skipSymbol("if")) {
          var condNode = this.parseOr();
          var bodyNode = node;
          node = new nodes.InlineIf(node.lineno, node.colno);
          node.body = bodyNode;
          node.cond = condNode;
          if (this.skipSymbol("else")) {
            node.else_ = this.parseOr();
          } else {
            node.else_ = null;
          }
        }
        return node;
      };
      _proto.parseOr = function parseOr() {
        var node = this.parseAnd();
        while (this.skipSymbol("or")) {
          var node2 = this.parseAnd();
          node = new nodes.Or(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseAnd = function parseAnd() {
        var node = this.parseNot();
        while (this.skipSymbol("and")) {
          var node2 = this.parseNot();
          node = new nodes.And(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseNot = function parseNot() {
        var tok = this.peekToken();
        if (this.skipSymbol("not")) {
          return new nodes.Not(tok.lineno, tok.colno, this.parseNot());
        }
        return this.parseIn();
      };
      _proto.parseIn = function parseIn() {
        var node = this.parseIs();
        while (1) {
          var tok = this.nextToken();
          if (!tok) {
            break;
          }
          var invert = tok.type === lexer.TOKEN_SYMBOL && tok.value === "not";
          if (!invert) {
            this.pushToken(tok);
          }
          if (this.skipSymbol("in")) {
            var node2 = this.parseIs();
            node = new nodes.In(node.lineno, node.colno, node, node2);
            if (invert) {
              node = new nodes.Not(node.lineno, node.colno, node);
            }
          } else {
            if (invert) {
              this.pushToken(tok);
            }
            break;
          }
        }
        return node;
      };
      _proto.parseIs = function parseIs() {
        var node = this.parseCompare();
        if (this.skipSymbol("is")) {
          var not = this.skipSymbol("not");
          var node2 = this.parseCompare();
          node = new nodes.Is(node.lineno, node.colno, node, node2);
          if (not) {
            node = new nodes.Not(node.lineno, node.colno, node);
          }
        }
        return node;
      };
      _proto.parseCompare = function parseCompare() {
        var compareOps = ["==", "===", "!=", "!==", "<", ">", "<=", ">="];
        var expr = this.parseConcat();
        var ops = [];
        while (1) {
          var tok = this.nextToken();
          if (!tok) {
            break;
          } else if (compareOps.indexOf(tok.value) !== -1) {
            ops.push(new nodes.CompareOperand(tok.lineno, tok.colno, this.parseConcat(), tok.value));
          } else {
            this.pushToken(tok);
            break;
          }
        }
        if (ops.length) {
          return new nodes.Compare(ops[0].lineno, ops[0].colno, expr, ops);
        } else {
          return expr;
        }
      };
      _proto.parseConcat = function parseConcat() {
        var node = this.parseAdd();
        while (this.skipValue(lexer.TOKEN_TILDE, "~")) {
          var node2 = this.parseAdd();
          node = new nodes.Concat(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseAdd = function parseAdd() {
        var node = this.parseSub();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "+")) {
          var node2 = this.parseSub();
          node = new nodes.Add(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseSub = function parseSub() {
        var node = this.parseMul();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "-")) {
          var node2 = this.parseMul();
          node = new nodes.Sub(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseMul = function parseMul() {
        var node = this.parseDiv();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "*")) {
          var node2 = this.parseDiv();
          node = new nodes.Mul(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseDiv = function parseDiv() {
        var node = this.parseFloorDiv();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "/")) {
          var node2 = this.parseFloorDiv();
          node = new nodes.Div(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseFloorDiv = function parseFloorDiv() {
        var node = this.parseMod();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "//")) {
          var node2 = this.parseMod();
          node = new nodes.FloorDiv(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseMod = function parseMod() {
        var node = this.parsePow();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "%")) {
          var node2 = this.parsePow();
          node = new nodes.Mod(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parsePow = function parsePow() {
        var node = this.parseUnary();
        while (this.skipValue(lexer.TOKEN_OPERATOR, "**")) {
          var node2 = this.parseUnary();
          node = new nodes.Pow(node.lineno, node.colno, node, node2);
        }
        return node;
      };
      _proto.parseUnary = function parseUnary(noFilters) {
        var tok = this.peekToken();
        var node;
        if (this.skipValue(lexer.TOKEN_OPERATOR, "-")) {
          node = new nodes.Neg(tok.lineno, tok.colno, this.parseUnary(true));
        } else if (this.skipValue(lexer.TOKEN_OPERATOR, "+")) {
          node = new nodes.Pos(tok.lineno, tok.colno, this.parseUnary(true));
        } else {
          node = this.parsePrimary();
        }
        if (!noFilters) {
          node = this.parseFilter(node);
        }
        return node;
      };
      _proto.parsePrimary = function parsePrimary(noPostfix) {
        var tok = this.nextToken();
        var val;
        var node = null;
        if (!tok) {
          this.fail("expected expression, got end of file");
        } else if (tok.type === lexer.TOKEN_STRING) {
          val = tok.value;
        } else if (tok.type === lexer.TOKEN_INT) {
          val = parseInt(tok.value, 10);
        } else if (tok.type === lexer.TOKEN_FLOAT) {
          val = parseFloat(tok.value);
        } else if (tok.type === lexer.TOKEN_BOOLEAN) {
          if (tok.value === "true") {
            val = true;
          } else if (tok.value === "false") {
            val = false;
          } else {
            this.fail("invalid boolean: " + tok.value, tok.lineno, tok.colno);
          }
        } else if (tok.type === lexer.TOKEN_NONE) {
          val = null;
        } else if (tok.type === lexer.TOKEN_REGEX) {
          val = new RegExp(tok.value.body, tok.value.flags);
        }
        if (val !== void 0) {
          node = new nodes.Literal(tok.lineno, tok.colno, val);
        } else if (tok.type === lexer.TOKEN_SYMBOL) {
          node = new nodes.Symbol(tok.lineno, tok.colno, tok.value);
        } else {
          this.pushToken(tok);
          node = this.parseAggregate();
        }
        if (!noPostfix) {
          node = this.parsePostfix(node);
        }
        if (node) {
          return node;
        } else {
          throw this.error("unexpected token: " + tok.value, tok.lineno, tok.colno);
        }
      };
      _proto.parseFilterName = function parseFilterName() {
        var tok = this.expect(lexer.TOKEN_SYMBOL);
        var name2 = tok.value;
        while (this.skipValue(lexer.TOKEN_OPERATOR, ".")) {
          name2 += "." + this.expect(lexer.TOKEN_SYMBOL).value;
        }
        return new nodes.Symbol(tok.lineno, tok.colno, name2);
      };
      _proto.parseFilterArgs = function parseFilterArgs(node) {
        if (this.peekToken().type === lexer.TOKEN_LEFT_PAREN) {
          var call = this.parsePostfix(node);
          return call.args.children;
        }
        return [];
      };
      _proto.parseFilter = function parseFilter(node) {
        while (this.skip(lexer.TOKEN_PIPE)) {
          var name2 = this.parseFilterName();
          node = new nodes.Filter(name2.lineno, name2.colno, name2, new nodes.NodeList(name2.lineno, name2.colno, [node].concat(this.parseFilterArgs(node))));
        }
        return node;
      };
      _proto.parseFilterStatement = function parseFilterStatement() {
        var filterTok = this.peekToken();
        if (!this.skipSymbol("filter")) {
          this.fail("parseFilterStatement: expected filter");
        }
        var name2 = this.parseFilterName();
        var args2 = this.parseFilterArgs(name2);
        this.advanceAfterBlockEnd(filterTok.value);
        var body2 = new nodes.Capture(name2.lineno, name2.colno, this.parseUntilBlocks("endfilter"));
        this.advanceAfterBlockEnd();
        var node = new nodes.Filter(name2.lineno, name2.colno, name2, new nodes.NodeList(name2.lineno, name2.colno, [body2].concat(args2)));
        return new nodes.Output(name2.lineno, name2.colno, [node]);
      };
      _proto.parseAggregate = function parseAggregate() {
        var tok = this.nextToken();
        var node;
        switch (tok.type) {
          case lexer.TOKEN_LEFT_PAREN:
            node = new nodes.Group(tok.lineno, tok.colno);
            break;
          case lexer.TOKEN_LEFT_BRACKET:
            node = new nodes.Array(tok.lineno, tok.colno);
            break;
          case lexer.TOKEN_LEFT_CURLY:
            node = new nodes.Dict(tok.lineno, tok.colno);
            break;
          default:
            return null;
        }
        while (1) {
          var type = this.peekToken().type;
          if (type === lexer.TOKEN_RIGHT_PAREN || type === lexer.TOKEN_RIGHT_BRACKET || type === lexer.TOKEN_RIGHT_CURLY) {
            this.nextToken();
            break;
          }
          if (node.children.length > 0) {
            if (!this.skip(lexer.TOKEN_COMMA)) {
              this.fail("parseAggregate: expected comma after expression", tok.lineno, tok.colno);
            }
          }
          if (node instanceof nodes.Dict) {
            var key = this.parsePrimary();
            if (!this.skip(lexer.TOKEN_COLON)) {
              this.fail("parseAggregate: expected colon after dict key", tok.lineno, tok.colno);
            }
            var value = this.parseExpression();
            node.addChild(new nodes.Pair(key.lineno, key.colno, key, value));
          } else {
            var expr = this.parseExpression();
            node.addChild(expr);
          }
        }
        return node;
      };
      _proto.parseSignature = function parseSignature(tolerant, noParens) {
        var tok = this.peekToken();
        if (!noParens && tok.type !== lexer.TOKEN_LEFT_PAREN) {
          if (tolerant) {
            return null;
          } else {
            this.fail("expected arguments", tok.lineno, tok.colno);
          }
        }
        if (tok.type === lexer.TOKEN_LEFT_PAREN) {
          tok = this.nextToken();
        }
        var args2 = new nodes.NodeList(tok.lineno, tok.colno);
        var kwargs = new nodes.KeywordArgs(tok.lineno, tok.colno);
        var checkComma = false;
        while (1) {
          tok = this.peekToken();
          if (!noParens && tok.type === lexer.TOKEN_RIGHT_PAREN) {
            this.nextToken();
            break;
          } else if (noParens && tok.type === lexer.TOKEN_BLOCK_END) {
            break;
          }
          if (checkComma && !this.skip(lexer.TOKEN_COMMA)) {
            this.fail("parseSignature: expected comma after expression", tok.lineno, tok.colno);
          } else {
            var arg = this.parseExpression();
            if (this.skipValue(lexer.TOKEN_OPERATOR, "=")) {
              kwargs.addChild(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()));
            } else {
              args2.addChild(arg);
            }
          }
          checkComma = true;
        }
        if (kwargs.children.length) {
          args2.addChild(kwargs);
        }
        return args2;
      };
      _proto.parseUntilBlocks = function parseUntilBlocks() {
        var prev = this.breakOnBlocks;
        for (var _len = arguments.length, blockNames = new Array(_len), _key = 0; _key < _len; _key++) {
          blockNames[_key] = arguments[_key];
        }
        this.breakOnBlocks = blockNames;
        var ret = this.parse();
        this.breakOnBlocks = prev;
        return ret;
      };
      _proto.parseNodes = function parseNodes() {
        var tok;
        var buf = [];
        while (tok = this.nextToken()) {
          if (tok.type === lexer.TOKEN_DATA) {
            var data = tok.value;
            var nextToken = this.peekToken();
            var nextVal = nextToken && nextToken.value;
            if (this.dropLeadingWhitespace) {
              data = data.replace(/^\s*/, "");
              this.dropLeadingWhitespace = false;
            }
            if (nextToken && (nextToken.type === lexer.TOKEN_BLOCK_START && nextVal.charAt(nextVal.length - 1) === "-" || nextToken.type === lexer.TOKEN_VARIABLE_START && nextVal.charAt(this.tokens.tags.VARIABLE_START.length) === "-" || nextToken.type === lexer.TOKEN_COMMENT && nextVal.charAt(this.tokens.tags.COMMENT_START.length) === "-")) {
              data = data.replace(/\s*$/, "");
            }
            buf.push(new nodes.Output(tok.lineno, tok.colno, [new nodes.TemplateData(tok.lineno, tok.colno, data)]));
          } else if (tok.type === lexer.TOKEN_BLOCK_START) {
            this.dropLeadingWhitespace = false;
            var n = this.parseStatement();
            if (!n) {
              break;
            }
            buf.push(n);
          } else if (tok.type === lexer.TOKEN_VARIABLE_START) {
            var e = this.parseExpression();
            this.dropLeadingWhitespace = false;
            this.advanceAfterVariableEnd();
            buf.push(new nodes.Output(tok.lineno, tok.colno, [e]));
          } else if (tok.type === lexer.TOKEN_COMMENT) {
            this.dropLeadingWhitespace = tok.value.charAt(tok.value.length - this.tokens.tags.COMMENT_END.length - 1) === "-";
          } else {
            this.fail("Unexpected token at top-level: " + tok.type, tok.lineno, tok.colno);
          }
        }
        return buf;
      };
      _proto.parse = function parse() {
        return new nodes.NodeList(0, 0, this.parseNodes());
      };
      _proto.parseAsRoot = function parseAsRoot() {
        return new nodes.Root(0, 0, this.parseNodes());
      };
      return Parser3;
    })(Obj);
    module2.exports = {
      parse: function parse(src, extensions, opts) {
        var p = new Parser2(lexer.lex(src, opts));
        if (extensions !== void 0) {
          p.extensions = extensions;
        }
        return p.parseAsRoot();
      },
      Parser: Parser2
    };
  }
});

// src/dags/report.ts
var severityRank = { error: 0, warning: 1, notice: 2 };
function compareFindings(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || severityRank[a.severity] - severityRank[b.severity] || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}
function hasErrors(report) {
  return report.findings.some((finding) => finding.severity === "error");
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

// src/dags/validate.ts
import { statSync as statSync6 } from "node:fs";
import { join as join12, resolve as resolve4 } from "node:path";

// src/dags/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
var configFileName = ".airflow-gitops-validate.yaml";
var defaultConfig = {
  severities: /* @__PURE__ */ new Map(),
  ignoreSyntax: "glob",
  timeoutSeconds: 30,
  parseBudgetSeconds: 2,
  standIns: { variables: /* @__PURE__ */ new Map(), connections: /* @__PURE__ */ new Map() }
};
var freshConfig = () => ({ ...defaultConfig, severities: /* @__PURE__ */ new Map(), standIns: { variables: /* @__PURE__ */ new Map(), connections: /* @__PURE__ */ new Map() } });
function loadConfig(dagsFolder, explicit) {
  const path = explicit ?? join(dagsFolder, configFileName);
  if (!existsSync(path)) {
    if (explicit !== void 0) throw new UsageError(`config file ${explicit} does not exist`);
    return freshConfig();
  }
  return parseConfig(readFileSync(path, "utf8"), path);
}
function parseConfig(text, path) {
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter: lines });
  const fail = (node, message) => {
    const offset = node?.range?.[0] ?? 0;
    throw new UsageError(`${path}:${lines.linePos(offset).line}: ${message}`);
  };
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new UsageError(`${path}:${error?.linePos?.[0].line ?? 1}: invalid YAML: ${error?.message.split("\n")[0]}`);
  }
  const config = freshConfig();
  const root = document.contents;
  if (root === null) return config;
  if (!(0, import_yaml.isMap)(root)) return fail(root, "expected a mapping with keys rules, airflowignore_syntax, import");
  for (const pair of root.items) {
    const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const value = pair.value;
    if (key === "rules") {
      if (!(0, import_yaml.isMap)(value)) return fail(value, "rules: expected a mapping of rule id to error, warning, notice or off");
      for (const rule of value.items) {
        const id = (0, import_yaml.isScalar)(rule.key) ? String(rule.key.value) : "";
        const severity = (0, import_yaml.isScalar)(rule.value) ? String(rule.value.value) : "";
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(rule.key, `rules: '${id}' is not a rule id`);
        if (!["error", "warning", "notice", "off"].includes(severity)) fail(rule.value, `rules: ${id}: '${severity}' is not one of error, warning, notice, off`);
        config.severities.set(id, severity);
      }
    } else if (key === "airflowignore_syntax") {
      const syntax = (0, import_yaml.isScalar)(value) ? String(value.value) : "";
      if (syntax !== "glob" && syntax !== "regexp") fail(value, `airflowignore_syntax: '${syntax}' is not glob or regexp`);
      config.ignoreSyntax = syntax;
    } else if (key === "import") {
      parseImportSection(value, config, fail);
    } else {
      fail(pair.key, `unknown setting '${key}' (expected rules, airflowignore_syntax or import)`);
    }
  }
  return config;
}
var importSettings = "timeout_seconds, parse_budget_seconds, variables or connections";
function parseImportSection(value, config, fail) {
  if (!(0, import_yaml.isMap)(value)) return fail(value, `import: expected a mapping with ${importSettings}`);
  for (const setting of value.items) {
    const name2 = (0, import_yaml.isScalar)(setting.key) ? String(setting.key.value) : "";
    const node = setting.value;
    if (name2 === "variables" || name2 === "connections") {
      parseStandIns(`import: ${name2}`, node, config.standIns[name2], fail);
      continue;
    }
    if (name2 !== "timeout_seconds" && name2 !== "parse_budget_seconds") fail(setting.key, `import: unknown setting '${name2}' (expected ${importSettings})`);
    const number = (0, import_yaml.isScalar)(node) ? Number(node.value) : Number.NaN;
    if (!(number > 0)) fail(node, `import: ${name2}: expected a positive number of seconds`);
    if (name2 === "timeout_seconds") config.timeoutSeconds = number;
    else config.parseBudgetSeconds = number;
  }
}
function parseStandIns(where, value, into, fail) {
  if (!(0, import_yaml.isMap)(value)) return fail(value, `${where}: expected a mapping of name to a stand-in value (or any)`);
  for (const pair of value.items) {
    const name2 = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const stand = pair.value;
    if (name2 === "" || /[=\0\s]/.test(name2)) fail(pair.key, `${where}: '${name2}' is not a usable name`);
    if (!(0, import_yaml.isScalar)(stand) || stand.value === null || typeof stand.value === "object") return fail(stand, `${where}: ${name2}: expected a value (a string, or any)`);
    into.set(name2, String(stand.value));
  }
}

// src/dags/dependencies.ts
import { existsSync as existsSync2, readdirSync } from "node:fs";
import { basename, dirname, join as join2, resolve, sep } from "node:path";
var missingDependencyRule = "missing-dependency";
function findLockedModules(dagsFolder, lock) {
  if (lock === null) return null;
  if (lock !== void 0) {
    const path = resolve(lock);
    if (!existsSync2(path)) throw new UsageError(`lock file ${lock} does not exist`);
    return readModuleMap(join2(dirname(path), moduleMapFileName));
  }
  for (let folder = resolve(dagsFolder); ; folder = dirname(folder)) {
    if (existsSync2(join2(folder, lockFileName))) return existsSync2(join2(folder, moduleMapFileName)) ? readModuleMap(join2(folder, moduleMapFileName)) : null;
    if (existsSync2(join2(folder, ".git")) || dirname(folder) === folder) return null;
  }
}
function localModules(dagsFolder, locked) {
  const names = /* @__PURE__ */ new Set(["dags", basename(dagsFolder)]);
  const top = locked === null ? dagsFolder : dirname(resolve(locked.path));
  for (let folder = resolve(dagsFolder); ; folder = dirname(folder)) {
    if (folder !== resolve(dagsFolder) && (folder === top || !folder.startsWith(`${top}${sep}`))) break;
    for (const entry of readdirSync(folder, { withFileTypes: true })) names.add(entry.isDirectory() ? entry.name : entry.name.replace(/\..*$/, ""));
  }
  return names;
}
function missingModule(locked, local, module2) {
  if (local.has(module2.split(".")[0] ?? module2)) return null;
  const provider = providerOf(locked, module2);
  return provider.kind === "missing" ? provider.module : null;
}
function missingDependencyMessage(imported, missing2) {
  const hint = distributionHint(imported);
  const what = missing2 === imported ? `\`${imported}\`` : `\`${imported}\` (\`${missing2}\`)`;
  return `${what} is provided by no package in ${lockFileName}, so the Airflow image and the import check cannot import it: add the distribution that provides it${hint ? ` (${hint})` : ""} to requirements.txt, then run \`npx airflow-gitops lock\``;
}
var moduleNotFound = /^ModuleNotFoundError: No module named '([^']+)'/;
function explainMissingModules(importFindings, locked, local) {
  if (locked === null) return importFindings;
  return importFindings.map((finding) => {
    const module2 = finding.rule === "import-error" ? moduleNotFound.exec(finding.message)?.[1] : void 0;
    if (module2 === void 0 || local.has(module2.split(".")[0] ?? module2)) return finding;
    const where = / \((?:while importing|raised in) .*\)$/s.exec(finding.message)?.[0] ?? "";
    const provider = providerOf(locked, module2);
    if (provider.kind === "missing") return { ...finding, rule: missingDependencyRule, message: `${missingDependencyMessage(module2, provider.module)}${where}` };
    if (provider.kind !== "locked" || provider.distributions.length === 0) return finding;
    return { ...finding, message: `${finding.message}. ${lockFileName} has it (${provider.distributions.join(", ")}), but the Python of the import check was not installed from it: run \`bash scripts/setup-airflow-venv.sh\`` };
  });
}

// src/dags/files/discover.ts
import { closeSync, openSync, readdirSync as readdirSync2, readFileSync as readFileSync2, readSync, realpathSync, statSync } from "node:fs";
import { join as join3, posix as posix2, relative, sep as sep2 } from "node:path";

// src/dags/files/airflowignore.ts
import { posix } from "node:path";

// src/dags/files/gitwildmatch.ts
var GlobPatternError = class extends Error {
  name = "GlobPatternError";
};
var noOp = { regex: null, include: true };
var RangeError = class extends Error {
};
function compileGlob(pattern) {
  let text = pattern.endsWith("\\ ") ? pattern : pattern.trimEnd();
  if (text === "" || text.startsWith("#") || text === "/") return noOp;
  let include = true;
  if (text.startsWith("!")) {
    include = false;
    text = text.slice(1);
  }
  const segments = text.split("/");
  const isDirPattern = segments.at(-1) === "";
  const normalized = normalizeSegments(isDirPattern, segments, pattern);
  if (typeof normalized === "string") return { regex: new RegExp(normalized), include };
  try {
    return { regex: new RegExp(translateSegments(isDirPattern, normalized, pattern)), include };
  } catch (error) {
    if (error instanceof RangeError) return noOp;
    throw error;
  }
}
function normalizeSegments(isDirPattern, segments, original) {
  if (segments[0] === "") {
    segments.shift();
  } else if (segments.length === 1 || segments.length === 2 && segments[1] === "") {
    if (segments[0] !== "**") segments.unshift("**");
  }
  if (segments.length === 0) throw new GlobPatternError(`invalid pattern ${JSON.stringify(original)}`);
  if (segments.at(-1) === "") segments[segments.length - 1] = "**";
  for (let i2 = segments.length - 1; i2 > 0; i2--) {
    if (segments[i2 - 1] === "**" && segments[i2] === "**") segments.splice(i2, 1);
  }
  const joined = segments.join("/");
  if (joined === "**") return isDirPattern ? "(/)" : ".";
  if (joined === "**/*") return ".";
  if (joined === "**/*/**") return isDirPattern ? "(/)" : "/";
  return segments;
}
function translateSegments(isDirPattern, segments, original) {
  let out2 = "";
  let needSlash = false;
  const end = segments.length - 1;
  segments.forEach((segment, i2) => {
    if (segment === "**") {
      if (i2 === 0) out2 += "^(?:.+/)?";
      else if (i2 < end) {
        out2 += "(?:/.+)?";
        needSlash = true;
      } else out2 += isDirPattern ? "(/)" : "/";
      return;
    }
    if (i2 === 0) out2 += "^";
    if (needSlash) out2 += "/";
    out2 += segment === "*" ? "[^/]+" : translateSegmentGlob(segment, original);
    if (i2 === end) out2 += "(?:(/)|$)";
    needSlash = true;
  });
  return out2;
}
function translateSegmentGlob(segment, original) {
  let regex = "";
  let escape = false;
  let i2 = 0;
  while (i2 < segment.length) {
    const char = segment[i2++];
    if (escape) {
      escape = false;
      regex += escapeRegex(char);
    } else if (char === "\\") {
      escape = true;
    } else if (char === "*") {
      regex += "[^/]*";
    } else if (char === "?") {
      regex += "[^/]";
    } else if (char === "[") {
      let j = i2;
      if (segment[j] === "!" || segment[j] === "^") j++;
      if (segment[j] === "]") j++;
      while (j < segment.length && segment[j] !== "]") j++;
      if (j >= segment.length) throw new RangeError();
      j++;
      let expression = "[";
      if (segment[i2] === "!" || segment[i2] === "^") {
        expression += "^";
        i2++;
      }
      expression += segment.slice(i2, j).replaceAll("\\", "\\\\");
      regex += expression;
      i2 = j;
    } else {
      regex += escapeRegex(char);
    }
  }
  if (escape) throw new GlobPatternError(`invalid pattern ${JSON.stringify(original)}: it ends with an escape character`);
  return regex;
}
function escapeRegex(char) {
  return /[.*+?^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}

// src/dags/files/airflowignore.ts
var ignoreFileName = ".airflowignore";
function parseIgnoreFile(text, syntax, folder) {
  const rules2 = [];
  const problems = [];
  text.split("\n").forEach((raw, index) => {
    const pattern = raw.replace(/\s*#.*/, "");
    if (pattern === "") return;
    const line = index + 1;
    if (syntax === "regexp") {
      const regex = compilePythonRegex(pattern);
      if (regex === null) problems.push({ line, message: `invalid regular expression ${JSON.stringify(pattern)}: Airflow ignores this line`, fatal: false });
      else rules2.push({ syntax, regex });
      return;
    }
    if (pattern.trim() === "/") return;
    try {
      const compiled = compileGlob(pattern);
      if (compiled.regex === null) return;
      const raw2 = pattern.replace(/^!+/, "").trimEnd();
      rules2.push({
        syntax,
        regex: compiled.regex,
        include: compiled.include,
        dirOnly: raw2 !== raw2.replace(/\/+$/, ""),
        relativeTo: pattern.startsWith("/") || pattern.replace(/\/+$/, "").includes("/") ? folder : null
      });
    } catch (error) {
      if (!(error instanceof GlobPatternError)) throw error;
      problems.push({ line, message: `${error.message}: Airflow fails to list the dags folder`, fatal: true });
    }
  });
  return { rules: rules2, problems };
}
function isIgnored(path, isDirectory2, rules2) {
  let matched = false;
  for (const rule of rules2) {
    if (rule.syntax === "regexp") {
      if (rule.regex.test(path)) return true;
      continue;
    }
    if (rule.dirOnly && !isDirectory2) continue;
    const relative5 = rule.relativeTo === null ? posix.basename(path) : posix.relative(rule.relativeTo, path);
    if (rule.regex.test(isDirectory2 ? `${relative5}/` : relative5)) matched = rule.include;
  }
  return matched;
}
function compilePythonRegex(pattern) {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, "(?<").replace(/\(\?P=(\w+)\)/g, "\\k<$1>"));
  } catch {
    return null;
  }
}

// src/dags/files/discover.ts
function discoverDagFiles(dagsFolder, syntax) {
  const root = realpathSync(dagsFolder);
  const walk2 = new Walk(root, syntax);
  walk2.folder("", [], root);
  walk2.files.sort((a, b) => a.path.localeCompare(b.path));
  return { files: walk2.files, findings: walk2.findings };
}
var Walk = class {
  files = [];
  findings = [];
  root;
  syntax;
  /** Real paths of the folders walked: Airflow refuses to walk one twice. */
  visited = /* @__PURE__ */ new Set();
  constructor(root, syntax) {
    this.root = root;
    this.syntax = syntax;
    this.visited.add(root);
  }
  /** `inherited` are the rules of the parent folders; `real` is the folder's path with no symlink in it. */
  folder(folder, inherited, real) {
    const absolute = join3(this.root, folder);
    let entries;
    try {
      entries = readdirSync2(absolute, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    } catch (error) {
      this.finding(folder || ".", "warning", "unreadable-entry", `cannot list this folder (${errorCode(error)}): Airflow skips it`);
      return;
    }
    const rules2 = [...inherited, ...this.ignoreRules(folder, entries.map((entry) => entry.name))];
    for (const entry of entries) {
      if (entry.name === ignoreFileName) continue;
      this.entry(posix2.join(folder, entry.name), rules2, entry, real);
    }
  }
  entry(path, rules2, entry, folderReal) {
    const absolute = join3(this.root, ...path.split("/"));
    const plain = entry.isFile() || entry.isDirectory();
    const found = plain ? { stats: entry, real: join3(folderReal, entry.name) } : this.resolve(path, absolute);
    if (found === null) return;
    const { stats, real } = found;
    if (stats.isDirectory()) {
      if (isIgnored(path, true, rules2)) return;
      if (!plain && !this.inside(real)) return this.outside(path, real);
      if (this.visited.has(real)) {
        this.finding(path, "error", "symlink-loop", 'this folder is reached a second time through a symlink: Airflow stops listing the dags folder with "Detected recursive loop"');
        return;
      }
      this.visited.add(real);
      this.folder(path, rules2, real);
      return;
    }
    if (isIgnored(path, false, rules2)) return;
    if (!stats.isFile()) {
      if (path.endsWith(".py")) {
        this.finding(path, "warning", "unreadable-entry", `this entry is ${specialKind(stats)}, not a file: Airflow skips it`);
      }
      return;
    }
    if (!plain && !this.inside(real)) return this.outside(path, real);
    if (path.endsWith(".py")) this.files.push({ path, absolute, kind: "python" });
    else if (looksLikeZip(absolute)) this.files.push({ path, absolute, kind: "zip" });
  }
  /** What a symlink or special entry is, and where it leads; null (and a finding) when it leads nowhere. */
  resolve(path, absolute) {
    try {
      return { stats: statSync(absolute), real: realpathSync.native(absolute) };
    } catch (error) {
      const code = errorCode(error);
      const what = code === "ENOENT" ? "a broken symlink" : code === "ELOOP" ? "a symlink loop" : `unreadable (${code})`;
      this.finding(path, "warning", "unreadable-entry", `this entry is ${what}: Airflow skips it`);
      return null;
    }
  }
  ignoreRules(folder, names) {
    if (!names.includes(ignoreFileName)) return [];
    const file = posix2.join(folder, ignoreFileName);
    let text;
    try {
      if (!statSync(join3(this.root, ...file.split("/"))).isFile()) return [];
      text = readFileSync2(join3(this.root, ...file.split("/")), "utf8");
    } catch (error) {
      this.finding(file, "warning", "unreadable-entry", `cannot read this ignore file (${errorCode(error)})`);
      return [];
    }
    const { rules: rules2, problems } = parseIgnoreFile(text, this.syntax, folder);
    for (const problem of problems) {
      this.finding(file, problem.fatal ? "error" : "warning", "airflowignore-invalid-pattern", problem.message, problem.line);
    }
    return rules2;
  }
  inside(real) {
    const path = relative(this.root, real);
    return path === "" || !path.startsWith(`..${sep2}`) && path !== ".." && !path.startsWith(sep2);
  }
  outside(path, real) {
    this.finding(path, "warning", "symlink-outside-dags-folder", `this symlink leads out of the dags folder (to ${real}): not checked, and the deployed copy of the folder may not have its target`);
  }
  finding(file, severity, rule, message, line = 1) {
    this.findings.push({ file, line, column: null, severity, rule, message, layer: "static" });
  }
};
function specialKind(stats) {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}
function looksLikeZip(path) {
  const header = Buffer.alloc(4);
  let fd;
  try {
    fd = openSync(path, "r");
    return readSync(fd, header, 0, 4, 0) === 4 && header.readUInt32LE(0) === 67324752;
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function errorCode(error) {
  return error.code ?? String(error);
}

// src/dags/imports/environment.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync3, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { dirname as dirname2, join as join4, resolve as resolve2 } from "node:path";
import { fileURLToPath } from "node:url";
function projectRoot() {
  let folder = dirname2(fileURLToPath(import.meta.url));
  for (let i2 = 0; i2 < 4; i2++) {
    if (existsSync3(join4(folder, "python", "import_worker.py"))) return folder;
    folder = dirname2(folder);
  }
  throw new EnvironmentError(`cannot find python/import_worker.py above ${fileURLToPath(import.meta.url)}`);
}
function airflowEnvironment(python) {
  const root = projectRoot();
  const venv = join4(root, ".venv", "airflow");
  const interpreter = python ? resolve2(python) : join4(venv, "bin", "python");
  if (!existsSync3(interpreter)) {
    const advice = python ? `no Python interpreter at ${interpreter} (from --python)` : `no Airflow venv at ${venv}: create it with 'bash scripts/setup-airflow-venv.sh' (it installs the Airflow version pinned in base/kustomization.yaml), or pass --python <interpreter with apache-airflow installed>`;
    throw new EnvironmentError(`--import needs a Python with Airflow 3: ${advice}`);
  }
  const stamp = join4(dirname2(dirname2(interpreter)), ".airflow-gitops-installed");
  const hash = createHash("sha256").update(interpreter).update(String(statSync2(interpreter).mtimeMs));
  if (existsSync3(stamp)) hash.update(readFileSync3(stamp));
  for (const helper of ["import_worker.py", "import_server.py", "parse_file.py", "process_state.py"]) hash.update(readFileSync3(join4(root, "python", helper)));
  return { python: interpreter, workerScript: join4(root, "python", "import_worker.py"), fingerprint: hash.digest("hex") };
}

// src/dags/imports/import-layer.ts
import { createHash as createHash4 } from "node:crypto";
import { mkdtempSync as mkdtempSync2, readFileSync as readFileSync5, realpathSync as realpathSync2, rmSync } from "node:fs";
import { availableParallelism as availableParallelism2, tmpdir } from "node:os";
import { join as join7, relative as relative3, sep as sep4 } from "node:path";

// src/dags/imports/cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdirSync as mkdirSync2, readFileSync as readFileSync4 } from "node:fs";
import { join as join5 } from "node:path";

// src/dags/json-file.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname as dirname3 } from "node:path";
function writeJsonAtomically(file, value) {
  mkdirSync(dirname3(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}

// src/dags/imports/cache.ts
function validReply(entry, sha256, hashOf) {
  if (entry === void 0 || entry.sha256 !== sha256) return null;
  for (const [dependency, hash] of Object.entries(entry.dependencies)) {
    if (hashOf(dependency) !== hash) return null;
  }
  return entry.reply;
}
var MemoryReplyCache = class {
  entries = /* @__PURE__ */ new Map();
  get(file, sha256, hashOf) {
    return validReply(this.entries.get(file), sha256, hashOf);
  }
  set(file, sha256, dependencies, reply) {
    this.entries.set(file, { sha256, dependencies, reply });
  }
  save() {
  }
};
var ImportCache = class {
  file;
  key;
  known;
  next = {};
  changed = false;
  constructor(folder, environmentKey) {
    this.key = createHash2("sha256").update(environmentKey).digest("hex");
    this.file = join5(folder, `replies-${this.key.slice(0, 16)}.json`);
    mkdirSync2(folder, { recursive: true });
    let stored = null;
    try {
      stored = JSON.parse(readFileSync4(this.file, "utf8"));
    } catch {
    }
    this.known = stored !== null && stored.key === this.key && typeof stored.files === "object" ? stored.files : {};
  }
  /** The cached reply, if the file and everything it loaded are unchanged. */
  get(file, sha256, hashOf) {
    const entry = this.known[file];
    const reply = validReply(entry, sha256, hashOf);
    if (reply !== null) this.next[file] = entry;
    return reply;
  }
  set(file, sha256, dependencies, reply) {
    this.next[file] = { sha256, dependencies, reply };
    this.changed = true;
  }
  /** Writes the entries of this run's files, when any was added or one dropped out. */
  save() {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    writeJsonAtomically(this.file, { key: this.key, files: this.next });
  }
};

// src/dags/imports/findings.ts
import { relative as relative2, sep as sep3 } from "node:path";
var maxMessageLines = 4;
function findingsOfReply(file, reply, context) {
  const at = (line, column, severity, rule, message, where = file) => ({ file: where, line, column, severity, rule, message, layer: "import" });
  switch (reply.outcome) {
    case "timeout":
      return [at(1, null, "error", "import-timeout", `importing this file took longer than the import timeout (${reply.duration_s.toFixed(0)} s) and was killed: Airflow would fail it the same way`)];
    case "died":
      return [at(1, null, "error", "import-crashed", `the process importing this file ${reply.how} (os._exit, a crash or a signal in the DAG code): Airflow's parsing process dies the same way`)];
    case "crashed":
      return [at(1, null, "error", "import-crashed", `the import could not be completed: ${reply.message}`)];
  }
  const findings = [];
  for (const error of reply.errors) {
    const place = errorPlace(file, error, context);
    const rule = error.message.startsWith("AirflowTaskTimeout") ? "import-timeout" : "import-error";
    const via = place.file === file ? "" : ` (while importing ${file})`;
    findings.push(at(place.line, place.column, "error", rule, `${shorten(error.message)}${via}`, place.file));
    const entry = place.file === file ? null : importLine(file, error, context.root);
    if (entry !== null) findings.push(at(entry.line, null, "error", rule, `${shorten(error.message)} (${entry.chain})`));
  }
  for (const warning of reply.warnings) {
    const where = warning.file ? relativePath(warning.file, context.root) : file;
    findings.push(at(warning.line ?? 1, null, "warning", "import-warning", `${warning.category}: ${shorten(warning.message)}`, where));
  }
  for (const inflation of reply.inflation) {
    findings.push(at(
      inflation.line,
      inflation.column + 1,
      "warning",
      "runtime-varying-value",
      `${inflation.message} (${inflation.code}): Airflow makes a new DAG version on every parse`
    ));
  }
  const timedOut = findings.some((finding) => finding.rule === "import-timeout");
  if (!timedOut && reply.duration_s > context.parseBudgetSeconds) {
    findings.push(at(
      1,
      null,
      "warning",
      "slow-parse",
      `Airflow took ${reply.duration_s.toFixed(2)} s to import this file (budget ${context.parseBudgetSeconds} s): move heavy top-level code into tasks`
    ));
  }
  return findings;
}
function errorPlace(file, error, context) {
  if (error.file !== null && error.line !== null) {
    return { file: relativePath(error.file, context.root), line: error.line, column: error.column };
  }
  const facts = context.facts.get(file);
  const task = facts?.taskPlaces.find((candidate) => candidate.taskId === error.task_id);
  if (task) return { file, line: task.place.line, column: task.place.column };
  const dag = facts?.dagPlaces.find((candidate) => candidate.dagId !== null && candidate.dagId === error.dag_id) ?? facts?.dagPlaces[0];
  if (dag) return { file, line: dag.place.line, column: dag.place.column };
  return { file, line: 1, column: null };
}
function importLine(file, error, root) {
  const chain = (error.chain ?? []).map(([path, line]) => ({ file: relativePath(path, root), line }));
  const first = chain[0];
  if (first === void 0 || first.file !== file || chain.length < 2) return null;
  const last = chain[chain.length - 1];
  return { line: first.line, chain: `raised in ${last.file}:${last.line}; import chain: ${chain.map((step) => `${step.file}:${step.line}`).join(" -> ")}` };
}
function relativePath(absolute, root) {
  return relative2(root, absolute).split(sep3).join("/");
}
function shorten(message) {
  const lines = message.trim().split("\n");
  return lines.length > maxMessageLines ? `${lines.slice(0, maxMessageLines).join("\n")}
\u2026` : lines.join("\n");
}

// src/dags/imports/pool.ts
import { availableParallelism } from "node:os";

// src/dags/imports/worker.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
var startTimeoutMs = 18e4;
var keptStderrChars = 4e3;
var stderrDrainMs = 500;
var ImportWorker = class {
  child;
  pending = /* @__PURE__ */ new Map();
  ready;
  stderr = "";
  nextId = 1;
  exited = null;
  /** `parallel`: how many files the worker imports at once, each in its own forked process. */
  constructor(environment, settings, parallel) {
    this.child = spawn(environment.python, [environment.workerScript, settings.dagsFolder, String(settings.timeoutSeconds), String(parallel)], {
      stdio: ["pipe", "ignore", "pipe", "pipe"],
      env: workerEnv(settings)
    });
    this.child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-keptStderrChars);
    });
    this.ready = new Promise((resolve6, reject) => {
      const timer = setTimeout(() => reject(this.failure(`did not start within ${startTimeoutMs / 1e3} s`)), startTimeoutMs);
      const lines = createInterface({ input: this.child.stdio[3] });
      lines.on("line", (line) => {
        const message = JSON.parse(line);
        if (message.ready) {
          clearTimeout(timer);
          resolve6();
          return;
        }
        this.pending.get(Number(message.id))?.(message);
        this.pending.delete(Number(message.id));
      });
      this.child.on("error", (error) => {
        clearTimeout(timer);
        reject(this.failure(error.message));
      });
      this.child.on("exit", (code, signal) => {
        clearTimeout(timer);
        const exited = signal ? `killed by ${signal}` : `exited with status ${code}`;
        this.exited = exited;
        void stderrRead(this.child.stderr, stderrDrainMs).then(() => {
          const error = this.failure(exited);
          reject(error);
          for (const settle of this.pending.values()) settle({ outcome: "crashed", message: error.message });
          this.pending.clear();
        });
      });
    });
  }
  async start() {
    await this.ready;
  }
  async importFile(file) {
    await this.ready;
    if (this.exited !== null) return { outcome: "crashed", message: this.failure(this.exited).message };
    const id = this.nextId++;
    return new Promise((resolve6) => {
      this.pending.set(id, resolve6);
      this.child.stdin?.write(`${JSON.stringify({ id, file })}
`);
    });
  }
  /** Ends the worker: closing stdin lets it finish its loop and exit. */
  async stop() {
    if (this.exited !== null) return;
    const exited = new Promise((resolve6) => this.child.once("exit", resolve6));
    this.child.stdin?.end();
    await exited;
  }
  failure(what) {
    const detail = this.stderr.trim() ? `:
${this.stderr.trim()}` : "";
    return new EnvironmentError(`the Airflow import worker (${this.child.spawnfile}) ${what}${detail}
Is Airflow installed? Run 'bash scripts/setup-airflow-venv.sh'.`);
  }
};
function stderrRead(stream, ms) {
  if (stream === null || stream.readableEnded) return Promise.resolve();
  return new Promise((resolve6) => {
    const timer = setTimeout(resolve6, ms);
    stream.once("end", () => {
      clearTimeout(timer);
      resolve6();
    });
  });
}
function workerEnv(settings) {
  return {
    ...settings.env,
    AIRFLOW_HOME: settings.airflowHome,
    AIRFLOW__CORE__DAGS_FOLDER: settings.dagsFolder,
    AIRFLOW__CORE__LOAD_EXAMPLES: "False",
    AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT: String(settings.timeoutSeconds),
    AIRFLOW__CORE__DAGBAG_IMPORT_ERROR_TRACEBACK_DEPTH: "10",
    // Nobody reads the worker's logs; formatting them costs time on every file.
    AIRFLOW__LOGGING__LOGGING_LEVEL: "ERROR",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONUNBUFFERED: "1"
  };
}

// src/dags/imports/pool.ts
async function importAll(files, environment, settings, parallel = availableParallelism()) {
  const replies = /* @__PURE__ */ new Map();
  if (files.length === 0) return replies;
  const worker = new ImportWorker(environment, settings, Math.max(1, Math.min(parallel, files.length)));
  try {
    await worker.start();
    await Promise.all(files.map(async (file) => replies.set(file, await worker.importFile(file))));
  } finally {
    await worker.stop();
  }
  return replies;
}

// src/dags/imports/server.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync4, mkdirSync as mkdirSync3, mkdtempSync } from "node:fs";
import { dirname as dirname4, join as join6 } from "node:path";
import { createInterface as createInterface2 } from "node:readline";
var startTimeoutMs2 = 18e4;
async function importWithServer(files, environment, settings) {
  const key = serverKey(environment, settings);
  const path = join6(settings.folder, `server-${key.slice(0, 16)}.sock`);
  if (files.length === 0 || Buffer.byteLength(path) > maxSocketPathBytes) return /* @__PURE__ */ new Map();
  const environ = Object.fromEntries(perRunVariables.map((name2) => [name2, settings.env[name2] ?? null]));
  let run2 = existsSync4(path) ? await openRun(path, key, environ, files) : null;
  if (run2 === null) {
    try {
      await startServer(path, key, environment, settings);
    } catch {
      return /* @__PURE__ */ new Map();
    }
    run2 = await openRun(path, key, environ, files);
  }
  return run2 === null ? /* @__PURE__ */ new Map() : importOver(run2, files);
}
var perRunVariables = ["_", "OLDPWD", "PWD", "SHLVL"];
function serverKey(environment, settings) {
  const env = workerEnv({ ...settings, airflowHome: "" });
  const variables = Object.entries(env).filter(([name2, value]) => name2 !== "AIRFLOW_HOME" && !perRunVariables.includes(name2) && value !== void 0).sort(([a], [b]) => a.localeCompare(b));
  return createHash3("sha256").update(JSON.stringify([environment.fingerprint, environment.python, process.cwd(), settings.dagsFolder, settings.timeoutSeconds, settings.parallel, variables])).digest("hex");
}
async function openRun(path, key, environ, files) {
  const socket = await connectedSocket(path);
  if (socket === null) return null;
  const lines = createInterface2({ input: socket })[Symbol.asyncIterator]();
  const requests = files.map((file, index) => `${JSON.stringify({ id: index + 1, file })}
`);
  socket.end([`${JSON.stringify({ key, environ })}
`, ...requests].join(""));
  const closed = new Promise((resolve6) => socket.once("close", resolve6));
  try {
    const first = await lines.next();
    if (!first.done && JSON.parse(first.value).ready === true) return { socket, lines };
  } catch {
  }
  await closed;
  return null;
}
async function importOver(run2, files) {
  const replies = /* @__PURE__ */ new Map();
  try {
    while (replies.size < files.length) {
      const line = await run2.lines.next();
      if (line.done) break;
      const reply = JSON.parse(line.value);
      const file = files[reply.id - 1];
      if (file !== void 0) replies.set(file, reply);
    }
  } catch {
  } finally {
    run2.socket.destroy();
  }
  return replies;
}
async function startServer(path, key, environment, settings) {
  mkdirSync3(dirname4(path), { recursive: true });
  const airflowHome = mkdtempSync(join6(dirname4(path), `home-${key.slice(0, 16)}-`));
  const script = join6(dirname4(environment.workerScript), "import_server.py");
  const child = spawn2(environment.python, [script, settings.dagsFolder, String(settings.timeoutSeconds), String(settings.parallel), path], {
    detached: true,
    stdio: ["pipe", "ignore", "pipe", "pipe"],
    env: workerEnv({ ...settings, airflowHome })
  });
  child.stdin?.end(`${key}
`);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk) => stderr = (stderr + chunk).slice(-4e3));
  try {
    await new Promise((resolve6, reject) => {
      const timer = setTimeout(() => reject(new Error(`the import server did not start within ${startTimeoutMs2 / 1e3} s`)), startTimeoutMs2);
      createInterface2({ input: child.stdio[3] }).once("line", () => {
        clearTimeout(timer);
        resolve6();
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the import server exited (${signal ?? code}) before it was ready: ${stderr.trim()}`));
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    child.stderr?.destroy();
    child.stdio[3]?.destroy();
    child.unref();
  }
}

// src/dags/imports/import-layer.ts
async function importFiles(sources, options) {
  const root = realpathSync2(options.dagsFolder);
  const cache = options.resident?.cache ?? (options.cacheFolder === null ? null : new ImportCache(join7(options.cacheFolder, "imports"), `${options.environment.fingerprint}:${options.timeoutSeconds}:${root}:${options.cacheKey ?? ""}`));
  const hashOf = fileHasher(root);
  const replies = /* @__PURE__ */ new Map();
  const toImport = [];
  for (const source of sources) {
    const cached = cache?.get(source.path, source.sha256, hashOf) ?? null;
    if (cached) replies.set(source.path, { reply: cached, cached: true });
    else toImport.push(source);
  }
  const fresh = await importFresh(toImport.map((source) => source.absolute), root, options);
  for (const source of toImport) {
    const reply = fresh.get(source.absolute);
    replies.set(source.path, { reply, cached: false });
    if (cache && (reply.outcome === "parsed" || options.resident)) cache.set(source.path, source.sha256, dependencyHashes(reply, root, hashOf), reply);
  }
  cache?.save();
  return replies;
}
async function importFresh(files, root, options) {
  if (options.resident) {
    const worker = options.resident.worker;
    return new Map(await Promise.all(files.map(async (file) => [file, await worker.importFile(file)])));
  }
  const settings = { dagsFolder: root, timeoutSeconds: options.timeoutSeconds, env: options.env };
  const served = options.server && options.cacheFolder !== null ? await importWithServer(files, options.environment, { ...settings, parallel: options.workers ?? availableParallelism2(), folder: join7(options.cacheFolder, "imports") }) : /* @__PURE__ */ new Map();
  const rest = files.filter((file) => !served.has(file));
  if (rest.length === 0) return served;
  const airflowHome = mkdtempSync2(join7(tmpdir(), "airflow-gitops-home-"));
  try {
    return new Map([...served, ...await importAll(rest, options.environment, { ...settings, airflowHome }, options.workers)]);
  } finally {
    rmSync(airflowHome, { recursive: true, force: true });
  }
}
function importResult(sources, replies, facts, options) {
  const root = realpathSync2(options.dagsFolder);
  const findings = [];
  const imported = [];
  for (const source of sources) {
    const { reply, cached } = replies.get(source.path);
    findings.push(...findingsOfReply(source.path, reply, { root, facts, parseBudgetSeconds: options.parseBudgetSeconds }));
    imported.push({
      file: source.path,
      dagIds: reply.outcome === "parsed" ? reply.dags.map((dag) => dag.dag_id) : [],
      failed: reply.outcome !== "parsed" || reply.has_error,
      parseSeconds: reply.outcome === "parsed" ? reply.duration_s : null,
      cached
    });
  }
  return { findings: mergeSharedCauses(findings), imported };
}
function fileHasher(root) {
  const known = /* @__PURE__ */ new Map();
  return (path) => {
    if (!known.has(path)) {
      try {
        known.set(path, createHash4("sha256").update(readFileSync5(join7(root, path))).digest("hex"));
      } catch {
        known.set(path, null);
      }
    }
    return known.get(path) ?? null;
  };
}
function dependencyHashes(reply, root, hashOf) {
  const hashes = {};
  if (reply.outcome !== "parsed") return hashes;
  for (const absolute of reply.dependencies) {
    const path = relative3(root, absolute).split(sep4).join("/");
    hashes[path] = hashOf(path) ?? "";
  }
  return hashes;
}
function mergeSharedCauses(findings) {
  const merged = /* @__PURE__ */ new Map();
  const result = [];
  for (const finding of findings) {
    const match = / \(while importing (.+)\)$/.exec(finding.message);
    if (!match) {
      result.push(finding);
      continue;
    }
    const cause = finding.message.slice(0, match.index);
    const key = JSON.stringify([finding.file, finding.line, finding.rule, cause]);
    const known = merged.get(key);
    if (known) known.importers.push(match[1]);
    else {
      const entry = { finding: { ...finding, message: cause }, importers: [match[1]] };
      merged.set(key, entry);
      result.push(entry.finding);
    }
  }
  for (const { finding, importers } of merged.values()) finding.message = `${finding.message} (while importing ${importers.join(", ")})`;
  return result;
}

// src/dags/source.ts
import { createHash as createHash5 } from "node:crypto";
import { closeSync as closeSync2, fstatSync, openSync as openSync2, readFileSync as readFileSync6 } from "node:fs";
function sameStamp(a, b) {
  return a.ino === b.ino && a.size === b.size && a.ctimeNs === b.ctimeNs && a.mtimeNs === b.mtimeNs;
}
function readSource(path, absolute) {
  const { bytes, stamp } = readStamped(absolute);
  const sha256 = createHash5("sha256").update(bytes).digest("hex");
  const decoded = decodePython(bytes);
  const findings = [];
  if ("problem" in decoded) {
    findings.push({ file: path, line: decoded.line, column: decoded.column, severity: "error", rule: "invalid-encoding", message: decoded.problem, layer: "static" });
  }
  const text = "text" in decoded ? decoded.text : null;
  if (text !== null) {
    const nul = text.indexOf("\0");
    if (nul >= 0) {
      const { line, column } = positionOf(text, nul);
      findings.push({ file: path, line, column, severity: "error", rule: "syntax-error", message: "source code cannot contain null bytes", layer: "static" });
    }
  }
  const source = { path, absolute, bytes, text, sha256, airflowWillImport: passesSafeModeHeuristic(bytes), findings };
  if (text !== null && "utf8" in decoded) source.stamp = stamp;
  return source;
}
function readStamped(absolute) {
  const fd = openSync2(absolute, "r");
  try {
    const { ino, size, ctimeNs, mtimeNs } = fstatSync(fd, { bigint: true });
    return { bytes: readFileSync6(fd), stamp: { ino, size, ctimeNs, mtimeNs } };
  } finally {
    closeSync2(fd);
  }
}
function passesSafeModeHeuristic(bytes) {
  const lower = bytes.toString("latin1").toLowerCase();
  return lower.includes("airflow") && (lower.includes("dag") || lower.includes("asset"));
}
var codingCookie = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
function decodePython(bytes) {
  const hasBom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  const body2 = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body2);
  if (declared !== null && !/^utf[-_]?8(?:[-_].*)?$/i.test(declared)) {
    if (hasBom) return { problem: `the file starts with a UTF-8 byte order mark but declares the encoding '${declared}'`, line: 1, column: null };
    const label2 = webEncodingLabel(declared);
    if (label2 === "ascii") {
      const offset = body2.findIndex((byte2) => byte2 >= 128);
      if (offset >= 0) {
        const { line: line2, column: column2 } = positionOf(body2.subarray(0, offset).toString("latin1"), offset);
        return { problem: `the file declares the encoding 'ascii' but has a non-ASCII byte (0x${body2[offset].toString(16).toUpperCase()})`, line: line2, column: column2 };
      }
    }
    try {
      return { text: new TextDecoder(label2 === "ascii" ? "latin1" : label2).decode(body2) };
    } catch {
      return { problem: `unknown encoding '${declared}' in the coding declaration`, line: 1, column: null };
    }
  }
  const invalid = firstInvalidUtf8(body2);
  if (invalid === null) return { text: body2.toString("utf8"), utf8: true };
  const prefix = body2.subarray(0, invalid).toString("utf8");
  const { line, column } = positionOf(prefix, prefix.length);
  const byte = body2[invalid]?.toString(16).toUpperCase().padStart(2, "0");
  return {
    problem: `the file is not valid UTF-8 (byte 0x${byte}) and declares no other encoding: Python refuses to import it; save it as UTF-8`,
    line,
    column
  };
}
function webEncodingLabel(python) {
  const name2 = python.toLowerCase().replaceAll("_", "-");
  if (["latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin"].includes(name2)) return "latin1";
  if (["ascii", "us-ascii", "646"].includes(name2)) return "ascii";
  const windows = /^(?:cp|windows-)(125\d)$/.exec(name2);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso-?8859-(\d+)$/.exec(name2);
  if (iso) return `iso-8859-${iso[1]}`;
  return name2;
}
function declaredEncoding(bytes) {
  const head = bytes.subarray(0, 1024).toString("latin1").split(/\r\n|\r|\n/, 2);
  const first = codingCookie.exec(head[0] ?? "");
  if (first) return first[1] ?? null;
  if (head.length > 1 && /^[ \t\f]*(?:#.*)?$/.test(head[0] ?? "")) return codingCookie.exec(head[1] ?? "")?.[1] ?? null;
  return null;
}
function firstInvalidUtf8(bytes) {
  let i2 = 0;
  while (i2 < bytes.length) {
    const lead = bytes[i2];
    if (lead < 128) {
      i2++;
      continue;
    }
    let length;
    let min;
    if (lead >= 194 && lead <= 223) [length, min] = [2, 128];
    else if (lead >= 224 && lead <= 239) [length, min] = [3, 2048];
    else if (lead >= 240 && lead <= 244) [length, min] = [4, 65536];
    else return i2;
    let codePoint = lead & 255 >> length + 1;
    for (let k = 1; k < length; k++) {
      const next = bytes[i2 + k];
      if (next === void 0 || (next & 192) !== 128) return i2;
      codePoint = codePoint << 6 | next & 63;
    }
    if (codePoint < min || codePoint > 1114111 || codePoint >= 55296 && codePoint <= 57343) return i2;
    i2 += length;
  }
  return null;
}
function positionOf(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i2 = 0; i2 < offset; i2++) {
    if (text.charCodeAt(i2) === 10) {
      line++;
      lineStart = i2 + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
function readArchive(path, absolute) {
  const bytes = readFileSync6(absolute);
  const sha256 = createHash5("sha256").update(bytes).digest("hex");
  return { path, absolute, bytes, text: null, sha256, airflowWillImport: true, findings: [] };
}

// src/dags/static/cache.ts
import { createHash as createHash6 } from "node:crypto";
import { readFileSync as readFileSync7, readdirSync as readdirSync3, statSync as statSync3 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { basename as basename2, dirname as dirname5, join as join8 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// src/dags/static/assets.ts
import { existsSync as existsSync5 } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function assetPath(specifier) {
  const besideThisModule = fileURLToPath2(new URL(`./${specifier.slice(specifier.lastIndexOf("/") + 1)}`, import.meta.url));
  if (existsSync5(besideThisModule)) return besideThisModule;
  return createRequire(import.meta.url).resolve(specifier);
}

// src/dags/static/cache.ts
var MemoryStaticCache = class {
  entries = /* @__PURE__ */ new Map();
  get(path, sha256) {
    const entry = this.entries.get(path);
    return entry === void 0 || entry.sha256 !== sha256 ? null : structuredClone(entry.facts);
  }
  set(path, sha256, facts) {
    this.entries.set(path, { sha256, facts: structuredClone(facts) });
  }
  save() {
  }
};
var StaticCache = class {
  file;
  code;
  known;
  next = {};
  changed = false;
  constructor(folder) {
    this.file = join8(folder, "static.json");
    this.code = codeFingerprint();
    let stored = null;
    try {
      stored = JSON.parse(readFileSync7(this.file, "utf8"));
    } catch {
    }
    this.known = stored !== null && stored.code === this.code ? stored.files : {};
  }
  get(path, sha256) {
    const entry = this.known[path];
    if (entry === void 0 || entry.sha256 !== sha256) return null;
    this.next[path] = entry;
    return structuredClone(entry.facts);
  }
  set(path, sha256, facts) {
    this.next[path] = { sha256, facts: structuredClone(facts) };
    this.changed = true;
  }
  /** Writes the entries of this run's files (files gone from the folder drop out), when any was added or one dropped out. */
  save() {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    writeJsonAtomically(this.file, { code: this.code, files: this.next });
  }
};
function codeFingerprint() {
  const here = dirname5(fileURLToPath3(import.meta.url));
  const root = basename2(here) === "static" ? dirname5(here) : here;
  const require2 = createRequire2(import.meta.url);
  const files = [
    ...listFiles(root),
    assetPath("web-tree-sitter/web-tree-sitter.wasm"),
    assetPath("tree-sitter-python/tree-sitter-python.wasm"),
    resolveOrNull(require2, "@astral-sh/ruff-wasm-nodejs/ruff_wasm_bg.wasm"),
    resolveOrNull(require2, "@astral-sh/ruff-wasm-nodejs/package.json")
  ].filter((file) => file !== null);
  const hash = createHash6("sha256");
  for (const file of files) {
    const stat = statSync3(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}
`);
  }
  return hash.digest("hex");
}
function listFiles(folder) {
  return readdirSync3(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join8(folder, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
function resolveOrNull(require2, specifier) {
  try {
    return require2.resolve(specifier);
  } catch {
    return null;
  }
}

// src/dags/static/syntax.ts
function placeOf(node) {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}
var simpleEscapes = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };
function stringValue(node) {
  if (!node) return null;
  if (node.type === "concatenated_string") {
    const parts2 = node.namedChildren.map((part) => stringValue(part));
    return parts2.every((part) => part !== null) ? parts2.join("") : null;
  }
  if (node.type !== "string") return null;
  let value = "";
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "interpolation") return null;
    if (child.type === "string_content") value += child.text;
    else if (child.type === "escape_sequence") value += simpleEscapes[child.text.slice(1)] ?? child.text;
  }
  return value;
}
function callArguments(call) {
  const result = { positional: [], keywords: /* @__PURE__ */ new Map(), splat: false };
  const list = call.childForFieldName("arguments");
  if (!list || list.type !== "argument_list") return result;
  for (const argument of list.namedChildren) {
    if (!argument || argument.type === "comment") continue;
    if (argument.type === "keyword_argument") {
      const name2 = argument.childForFieldName("name")?.text;
      const value = argument.childForFieldName("value");
      if (name2 && value) result.keywords.set(name2, value);
    } else if (argument.type === "list_splat" || argument.type === "dictionary_splat") {
      result.splat = true;
    } else {
      result.positional.push(argument);
    }
  }
  return result;
}
function dictEntries(node) {
  const entries = /* @__PURE__ */ new Map();
  if (node.type === "call" && node.childForFieldName("function")?.text === "dict") {
    for (const [name2, value] of callArguments(node).keywords) entries.set(name2, value);
    return entries;
  }
  if (node.type !== "dictionary") return entries;
  for (const pair of node.namedChildren) {
    if (pair?.type !== "pair") continue;
    const key = stringValue(pair.childForFieldName("key"));
    const value = pair.childForFieldName("value");
    if (key !== null && value) entries.set(key, value);
  }
  return entries;
}
function descendants(node, types) {
  const found = [];
  const visit = (current) => {
    if (types.has(current.type)) found.push(current);
    for (const child of current.namedChildren) if (child) visit(child);
  };
  visit(node);
  return found;
}
function unwrap(node) {
  let current = node;
  while (current.type === "parenthesized_expression" && current.namedChildCount === 1) {
    const inner = current.namedChild(0);
    if (!inner) break;
    current = inner;
  }
  return current;
}

// src/dags/static/names.ts
var Names = class {
  imported = /* @__PURE__ */ new Map();
  constructor(module2) {
    for (const statement of descendants(module2, /* @__PURE__ */ new Set(["import_statement", "import_from_statement"]))) {
      if (statement.type === "import_statement") this.addImport(statement);
      else this.addImportFrom(statement);
    }
  }
  /** The qualified name of an identifier or attribute chain; null for anything else. */
  resolve(node) {
    if (!node) return null;
    if (node.type === "identifier") return this.imported.get(node.text) ?? node.text;
    if (node.type === "attribute") {
      const object = this.resolve(node.childForFieldName("object"));
      const attribute = node.childForFieldName("attribute")?.text;
      return object !== null && attribute ? `${object}.${attribute}` : null;
    }
    return null;
  }
  /** The qualified name of what a call calls: `DAG(...)`, `task.bash(...)`. */
  callee(call) {
    return this.resolve(call.childForFieldName("function"));
  }
  /** A decorator's target, with or without a call: `@task`, `@task()`, `@task.bash(...)`. */
  decorator(decorator) {
    const expression = decorator.namedChild(0);
    if (!expression) return null;
    return expression.type === "call" ? this.callee(expression) : this.resolve(expression);
  }
  addImport(statement) {
    for (const name2 of statement.namedChildren) {
      if (!name2) continue;
      if (name2.type === "dotted_name") {
        const head = name2.text.split(".")[0];
        this.imported.set(head, head);
      } else if (name2.type === "aliased_import") {
        const module2 = name2.childForFieldName("name")?.text;
        const alias = name2.childForFieldName("alias")?.text;
        if (module2 && alias) this.imported.set(alias, module2);
      }
    }
  }
  addImportFrom(statement) {
    const module2 = statement.childForFieldName("module_name")?.text;
    if (!module2 || module2.startsWith(".")) return;
    for (const name2 of statement.childrenForFieldName("name")) {
      if (!name2) continue;
      if (name2.type === "dotted_name") this.imported.set(name2.text, `${module2}.${name2.text}`);
      else if (name2.type === "aliased_import") {
        const original = name2.childForFieldName("name")?.text;
        const alias = name2.childForFieldName("alias")?.text;
        if (original && alias) this.imported.set(alias, `${module2}.${original}`);
      }
    }
  }
};
function airflowName(qualified, pattern) {
  return qualified !== null && qualified.startsWith("airflow.") && pattern.test(qualified);
}
var isDagClass = (name2) => airflowName(name2, /\.DAG$/);
var isDagDecorator = (name2) => airflowName(name2, /\.dag$/);
var isTaskDecorator = (name2) => airflowName(name2, /\.task(\.\w+)?$/);
var isTaskGroupDecorator = (name2) => airflowName(name2, /\.task_group$/);
var isTaskGroupClass = (name2) => airflowName(name2, /\.TaskGroup$/);
var isChain = (name2) => airflowName(name2, /\.chain$/);

// src/dags/static/dag-model.ts
var taskflowMethods = /* @__PURE__ */ new Set(["override", "partial", "expand", "expand_kwargs"]);
function buildDagModel(module2) {
  return new ModelBuilder(module2).build();
}
var ModelBuilder = class {
  module;
  names;
  model;
  /** Task id of each `@task`-decorated function, by function name. */
  taskFunctions = /* @__PURE__ */ new Map();
  /** DAGs bound to a name (`dag = DAG(...)`), for tasks created with `dag=dag`. */
  dagVariables = /* @__PURE__ */ new Map();
  /** The task each call node created. */
  created = /* @__PURE__ */ new Map();
  /** DAG constructor calls already taken as the head of a `with` statement. */
  withHeads = /* @__PURE__ */ new Set();
  /**
   * Parents of the nodes walked, by node id. tree-sitter's own `parent` walks
   * down from the root, which is quadratic on a block with many statements.
   */
  parents = /* @__PURE__ */ new Map();
  constructor(module2) {
    this.module = module2;
    this.names = new Names(module2);
    this.model = { names: this.names, dags: [], parseTimeCalls: [], moduleValues: /* @__PURE__ */ new Map(), calledNames: /* @__PURE__ */ new Set() };
  }
  build() {
    this.collectTaskFunctions(this.module);
    const context = { dag: null, namespace: null, parseTime: true, loopsSinceDag: 0, loops: 0, bindings: /* @__PURE__ */ new Map() };
    for (const statement of this.module.namedChildren) {
      if (!statement) continue;
      if (statement.type === "expression_statement") this.recordModuleValue(statement);
      this.statement(statement, context);
    }
    return this.model;
  }
  collectTaskFunctions(node) {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "decorated_definition") {
        const decorator = child.namedChildren.find((d) => d?.type === "decorator" && isTaskDecorator(this.names.decorator(d)));
        const name2 = child.childForFieldName("definition")?.childForFieldName("name")?.text;
        if (decorator && name2) {
          const expression = decorator.namedChild(0);
          const explicit = expression?.type === "call" ? stringValue(callArguments(expression).keywords.get("task_id")) : null;
          this.taskFunctions.set(name2, explicit ?? name2);
        }
      }
      this.collectTaskFunctions(child);
    }
  }
  recordModuleValue(statement) {
    const assignment = statement.namedChild(0);
    if (assignment?.type !== "assignment") return;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type === "identifier" && right) this.model.moduleValues.set(left.text, right);
  }
  statement(node, context) {
    switch (node.type) {
      case "decorated_definition":
        return this.decoratedDefinition(node, context);
      case "function_definition":
        return this.functionDefinition(node, context, { ...context, parseTime: false, bindings: /* @__PURE__ */ new Map() });
      case "with_statement":
        return this.withStatement(node, context);
      case "for_statement":
      case "while_statement":
        return this.loop(node, context);
      case "if_statement":
        if (isMainGuard(node)) return;
        return this.children(node, context);
      case "lambda":
        return;
      case "call":
        this.children(node, context);
        return this.call(node, context);
      case "binary_operator":
        this.children(node, context);
        if (isShift(node) && !this.inShiftChain(node)) this.shiftChain(node, context);
        return;
      default:
        return this.children(node, context);
    }
  }
  children(node, context) {
    for (const child of node.namedChildren) {
      if (!child) continue;
      this.parents.set(child.id, node);
      this.statement(child, context);
    }
  }
  parentOf(node) {
    return this.parents.get(node.id) ?? null;
  }
  decoratedDefinition(node, context) {
    const definition = node.childForFieldName("definition");
    const decorators = node.namedChildren.filter((child) => child?.type === "decorator");
    for (const decorator of decorators) {
      const expression = decorator.namedChild(0);
      const argumentList = expression?.type === "call" ? expression.childForFieldName("arguments") : null;
      if (argumentList) this.children(argumentList, context);
    }
    if (!definition || definition.type !== "function_definition") {
      if (definition) this.statement(definition, context);
      return;
    }
    const targets = decorators.map((decorator) => this.names.decorator(decorator));
    if (targets.some(isDagDecorator)) {
      const decorator = decorators[targets.findIndex(isDagDecorator)];
      const dag = this.decoratorDag(decorator, definition, context);
      const inner = { dag, namespace: `dag@${definition.id}`, parseTime: context.parseTime, loopsSinceDag: 0, loops: context.loops, bindings: /* @__PURE__ */ new Map() };
      return this.functionDefinition(definition, context, inner);
    }
    if (targets.some(isTaskGroupDecorator)) {
      const inner = { ...context, namespace: `group@${definition.id}`, loopsSinceDag: 0, bindings: /* @__PURE__ */ new Map() };
      return this.functionDefinition(definition, context, inner);
    }
    this.functionDefinition(definition, context, { ...context, dag: null, parseTime: false, bindings: /* @__PURE__ */ new Map() });
  }
  /** Default values are evaluated where the function is defined; the body in `inner`. */
  functionDefinition(node, outer, inner) {
    const parameters = node.childForFieldName("parameters");
    if (parameters) this.children(parameters, outer);
    const body2 = node.childForFieldName("body");
    if (body2) this.children(body2, inner);
  }
  decoratorDag(decorator, definition, context) {
    const expression = decorator.namedChild(0);
    const args2 = expression?.type === "call" ? callArguments(expression) : { positional: [], keywords: /* @__PURE__ */ new Map(), splat: false };
    const functionName = definition.childForFieldName("name")?.text ?? null;
    const idNode = args2.keywords.get("dag_id") ?? args2.positional[0];
    const dag = {
      place: placeOf(decorator),
      dagId: idNode ? stringValue(idNode) : functionName,
      dagIdPlace: placeOf(idNode ?? definition.childForFieldName("name") ?? decorator),
      style: "decorator",
      keywords: args2.keywords,
      splat: args2.splat,
      functionName,
      repeated: context.loops > 0,
      tasks: [],
      dependencies: []
    };
    this.model.dags.push(dag);
    return dag;
  }
  withStatement(node, context) {
    let inner = context;
    const clause = node.namedChildren.find((child) => child?.type === "with_clause");
    for (const item of clause?.namedChildren ?? []) {
      const value = item?.childForFieldName("value");
      if (!value) continue;
      const call = value.type === "as_pattern" ? value.namedChild(0) : value;
      if (call?.type === "call") {
        const callee = this.names.callee(call);
        if (isDagClass(callee)) {
          this.withHeads.add(call.id);
          const dag = this.constructorDag(call, context);
          inner = { dag, namespace: `dag@${call.id}`, parseTime: context.parseTime, loopsSinceDag: 0, loops: context.loops, bindings: /* @__PURE__ */ new Map() };
        } else if (isTaskGroupClass(callee)) {
          inner = { ...inner, namespace: this.groupNamespace(call, inner) };
        }
      }
      this.statement(value, context);
    }
    const body2 = node.childForFieldName("body");
    if (body2) this.children(body2, inner);
  }
  groupNamespace(call, context) {
    const args2 = callArguments(call);
    if (args2.keywords.get("prefix_group_id")?.text === "False") return context.namespace;
    const groupId = stringValue(args2.keywords.get("group_id") ?? args2.positional[0]);
    if (groupId === null || context.namespace === null || context.loopsSinceDag > 0) return null;
    return `${context.namespace}/${groupId}`;
  }
  loop(node, context) {
    const body2 = node.childForFieldName("body");
    for (const child of node.namedChildren) {
      if (!child) continue;
      this.parents.set(child.id, node);
      if (child.id === body2?.id) {
        this.children(child, { ...context, loops: context.loops + 1, loopsSinceDag: context.loopsSinceDag + 1 });
      } else this.statement(child, context);
    }
  }
  constructorDag(call, context) {
    const args2 = callArguments(call);
    const idNode = args2.keywords.get("dag_id") ?? args2.positional[0];
    const dag = {
      place: placeOf(call),
      dagId: idNode ? stringValue(idNode) : null,
      dagIdPlace: placeOf(idNode ?? call),
      style: "constructor",
      keywords: args2.keywords,
      splat: args2.splat,
      functionName: null,
      repeated: context.loops > 0,
      tasks: [],
      dependencies: []
    };
    this.model.dags.push(dag);
    return dag;
  }
  call(call, context) {
    const callee = this.names.callee(call);
    const functionNode = call.childForFieldName("function");
    if (functionNode?.type === "identifier") this.model.calledNames.add(functionNode.text);
    if (context.parseTime && callee !== null) this.model.parseTimeCalls.push({ callee, place: placeOf(call) });
    if (isDagClass(callee)) {
      if (this.withHeads.has(call.id)) return;
      const dag = this.constructorDag(call, context);
      const name2 = this.assignedName(call);
      if (name2) this.dagVariables.set(name2, dag);
      return;
    }
    if (isChain(callee)) return this.chain(call, context);
    const method2 = functionNode?.type === "attribute" ? functionNode.childForFieldName("attribute")?.text : void 0;
    if (method2 === "set_downstream" || method2 === "set_upstream") return this.setRelative(call, method2, context);
    this.taskCreation(call, context);
  }
  taskCreation(call, context) {
    const args2 = callArguments(call);
    const functionNode = call.childForFieldName("function");
    const root = functionNode ? rootName(functionNode) : null;
    const taskflow = root !== null && this.taskFunctions.has(root);
    if (taskflow) {
      if (this.parentOf(call)?.type === "attribute") return;
      if (functionNode?.type === "attribute" && !taskflowMethods.has(functionNode.childForFieldName("attribute")?.text ?? "")) return;
    } else if (!args2.keywords.has("task_id")) {
      return;
    }
    const dagArgument = args2.keywords.get("dag");
    const dag = dagArgument?.type === "identifier" ? this.dagVariables.get(dagArgument.text) ?? context.dag : context.dag;
    if (dag === null) return;
    const explicitId = stringValue(args2.keywords.get("task_id"));
    const task = {
      node: call,
      place: placeOf(call),
      taskId: taskflow ? explicitId ?? this.taskFunctions.get(root) ?? null : explicitId,
      namespace: dag === context.dag ? context.namespace : `dag@${dag.place.line}:${dag.place.column}`,
      taskflow,
      repeated: context.loopsSinceDag > 0
    };
    dag.tasks.push(task);
    this.created.set(call.id, task);
    const name2 = this.assignedName(call);
    if (name2) context.bindings.set(name2, context.bindings.has(name2) ? null : task);
    if (taskflow) {
      for (const argument of [...args2.positional, ...args2.keywords.values()]) {
        for (const upstream of this.tasksOf(argument, context)) dag.dependencies.push({ upstream, downstream: task, place: placeOf(argument) });
      }
    }
  }
  /** `a >> b << c`, evaluated as Python does: each operator returns its right side. */
  shiftChain(node, context) {
    const expression = unwrap(node);
    if (!isShift(expression)) return this.tasksOf(expression, context);
    const left = this.shiftChain(expression.childForFieldName("left"), context);
    const right = this.shiftChain(expression.childForFieldName("right"), context);
    const downstream = expression.childForFieldName("operator")?.text === ">>";
    for (const l of left) for (const r of right) this.depend(context, downstream ? l : r, downstream ? r : l, expression);
    return right;
  }
  chain(call, context) {
    const groups = callArguments(call).positional.map((argument) => this.tasksOf(argument, context));
    for (let i2 = 1; i2 < groups.length; i2++) {
      const before = groups[i2 - 1];
      const after = groups[i2];
      if (before.length > 1 && before.length === after.length) before.forEach((task, k) => this.depend(context, task, after[k], call));
      else for (const u of before) for (const d of after) this.depend(context, u, d, call);
    }
  }
  setRelative(call, method2, context) {
    const self = this.tasksOf(call.childForFieldName("function")?.childForFieldName("object") ?? null, context);
    const others = callArguments(call).positional.flatMap((argument) => this.tasksOf(argument, context));
    for (const task of self) {
      for (const other of others) {
        if (method2 === "set_downstream") this.depend(context, task, other, call);
        else this.depend(context, other, task, call);
      }
    }
  }
  depend(context, upstream, downstream, at) {
    const dag = context.dag ?? this.model.dags.find((d) => d.tasks.includes(upstream));
    dag?.dependencies.push({ upstream, downstream, place: placeOf(at) });
  }
  /** Whether a `>>` node is part of a longer chain (then the chain's top node handles it). */
  inShiftChain(node) {
    let current = this.parentOf(node);
    while (current?.type === "parenthesized_expression") current = this.parentOf(current);
    return isShift(current);
  }
  /** `name` in `name = <call>`. */
  assignedName(call) {
    const parent = this.parentOf(call);
    if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== call.id) return null;
    const left = parent.childForFieldName("left");
    return left?.type === "identifier" ? left.text : null;
  }
  /** The tasks an expression stands for: a name bound to a task, a task-creating call, a list of them. */
  tasksOf(node, context) {
    if (!node) return [];
    const expression = unwrap(node);
    if (expression.type === "identifier") {
      const task = context.bindings.get(expression.text);
      return task ? [task] : [];
    }
    if (expression.type === "call") {
      const task = this.created.get(expression.id);
      return task ? [task] : [];
    }
    if (expression.type === "list" || expression.type === "tuple") {
      return expression.namedChildren.flatMap((element) => this.tasksOf(element, context));
    }
    if (isShift(expression)) {
      return this.tasksOf(expression.childForFieldName("right"), context);
    }
    return [];
  }
};
function isShift(node) {
  if (node?.type !== "binary_operator") return false;
  const operator = node.childForFieldName("operator")?.text;
  return operator === ">>" || operator === "<<";
}
function rootName(node) {
  if (node.type === "identifier") return node.text;
  if (node.type === "attribute") return rootName(node.childForFieldName("object"));
  if (node.type === "call") return rootName(node.childForFieldName("function"));
  return null;
}
function isMainGuard(node) {
  const condition = node.childForFieldName("condition");
  if (condition?.type !== "comparison_operator") return false;
  const parts2 = condition.namedChildren.map((child) => child?.type === "identifier" ? child.text : stringValue(child));
  return parts2.includes("__name__") && parts2.includes("__main__");
}

// src/dags/static/imported-modules.ts
function absoluteImports(module2) {
  const found = [];
  for (const statement of descendants(module2, /* @__PURE__ */ new Set(["import_statement", "import_from_statement"]))) {
    const names = statement.type === "import_statement" ? statement.childrenForFieldName("name").map((name2) => name2?.type === "aliased_import" ? name2.childForFieldName("name") : name2) : [statement.childForFieldName("module_name")];
    const guarded = isGuarded(statement);
    for (const name2 of names) {
      if (name2?.type === "dotted_name") found.push({ module: name2.text, place: placeOf(name2), statement: statement.text, guarded });
    }
  }
  return found;
}
var importErrorCatchers = /* @__PURE__ */ new Set(["ImportError", "ModuleNotFoundError", "Exception", "BaseException"]);
function isGuarded(statement) {
  for (let child = statement, parent = statement.parent; parent !== null; child = parent, parent = parent.parent) {
    if (parent.type === "try_statement" && parent.childForFieldName("body")?.id === child.id && catchesImportError(parent)) return true;
    if (parent.type === "if_statement" && parent.childForFieldName("consequence")?.id === child.id && /\bTYPE_CHECKING\b/.test(parent.childForFieldName("condition")?.text ?? "")) return true;
  }
  return false;
}
function catchesImportError(tryStatement) {
  return tryStatement.namedChildren.some((clause) => {
    if (clause?.type !== "except_clause") return false;
    const caught = clause.namedChildren.find((child) => child !== null && child.type !== "block" && child.type !== "comment");
    if (caught === void 0 || caught === null) return true;
    const names = caught.text.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
    return names.some((name2) => importErrorCatchers.has(name2.split(".").pop() ?? name2));
  });
}
function importedModules(module2, path) {
  const found = /* @__PURE__ */ new Set();
  for (const statement of descendants(module2, /* @__PURE__ */ new Set(["import_statement", "import_from_statement"]))) {
    if (statement.type === "import_statement") {
      for (const name2 of statement.childrenForFieldName("name")) {
        const dotted = name2?.type === "aliased_import" ? name2.childForFieldName("name")?.text : name2?.text;
        if (dotted) found.add(dotted);
      }
      continue;
    }
    const from = statement.childForFieldName("module_name");
    const base = from?.type === "relative_import" ? resolveRelative(from.text, path) : from?.text;
    if (!base) continue;
    found.add(base);
    for (const name2 of statement.childrenForFieldName("name")) {
      const imported = name2?.type === "aliased_import" ? name2.childForFieldName("name")?.text : name2?.text;
      if (imported) found.add(`${base}.${imported}`);
    }
  }
  return [...found];
}
function resolveRelative(relative5, path) {
  const dots = /^\.+/.exec(relative5)?.[0].length ?? 0;
  const packageParts = path.split("/").slice(0, -1);
  if (dots - 1 > packageParts.length) return null;
  const base = packageParts.slice(0, packageParts.length - (dots - 1));
  const rest = relative5.slice(dots);
  return [...base, ...rest ? rest.split(".") : []].join(".") || null;
}
function moduleNameOf(path) {
  return path.replace(/\.py$/i, "").replace(/\/__init__$/, "").split("/").join(".");
}

// node_modules/web-tree-sitter/web-tree-sitter.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await import("fs/promises");
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};
async function Module2(moduleArg = {}) {
  var moduleRtn;
  var Module = moduleArg;
  var ENVIRONMENT_IS_WEB = typeof window == "object";
  var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
  var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    const { createRequire: createRequire3 } = await import("module");
    var require = createRequire3(import.meta.url);
  }
  Module.currentQueryProgressCallback = null;
  Module.currentProgressCallback = null;
  Module.currentLogCallback = null;
  Module.currentParseCallback = null;
  var arguments_ = [];
  var thisProgram = "./this.program";
  var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
    throw toThrow;
  }, "quit_");
  var _scriptName = import.meta.url;
  var scriptDirectory = "";
  function locateFile(path) {
    if (Module["locateFile"]) {
      return Module["locateFile"](path, scriptDirectory);
    }
    return scriptDirectory + path;
  }
  __name(locateFile, "locateFile");
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("fs");
    if (_scriptName.startsWith("file:")) {
      scriptDirectory = require("path").dirname(require("url").fileURLToPath(_scriptName)) + "/";
    }
    readBinary = /* @__PURE__ */ __name((filename) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename);
      return ret;
    }, "readBinary");
    readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
      return ret;
    }, "readAsync");
    if (process.argv.length > 1) {
      thisProgram = process.argv[1].replace(/\\/g, "/");
    }
    arguments_ = process.argv.slice(2);
    quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      process.exitCode = status;
      throw toThrow;
    }, "quit_");
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    {
      if (ENVIRONMENT_IS_WORKER) {
        readBinary = /* @__PURE__ */ __name((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.responseType = "arraybuffer";
          xhr.send(null);
          return new Uint8Array(
            /** @type{!ArrayBuffer} */
            xhr.response
          );
        }, "readBinary");
      }
      readAsync = /* @__PURE__ */ __name(async (url) => {
        if (isFileURI(url)) {
          return new Promise((resolve6, reject) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, true);
            xhr.responseType = "arraybuffer";
            xhr.onload = () => {
              if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                resolve6(xhr.response);
                return;
              }
              reject(xhr.status);
            };
            xhr.onerror = reject;
            xhr.send(null);
          });
        }
        var response = await fetch(url, {
          credentials: "same-origin"
        });
        if (response.ok) {
          return response.arrayBuffer();
        }
        throw new Error(response.status + " : " + response.url);
      }, "readAsync");
    }
  } else {
  }
  var out = console.log.bind(console);
  var err = console.error.bind(console);
  var dynamicLibraries = [];
  var wasmBinary;
  var ABORT = false;
  var EXITSTATUS;
  var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
  var readyPromiseResolve, readyPromiseReject;
  var wasmMemory;
  var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
  var HEAP64, HEAPU64;
  var HEAP_DATA_VIEW;
  var runtimeInitialized = false;
  function updateMemoryViews() {
    var b = wasmMemory.buffer;
    Module["HEAP8"] = HEAP8 = new Int8Array(b);
    Module["HEAP16"] = HEAP16 = new Int16Array(b);
    Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
    Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
    Module["HEAP32"] = HEAP32 = new Int32Array(b);
    Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
    Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
    Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
    Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
    Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
    LE_HEAP_UPDATE();
  }
  __name(updateMemoryViews, "updateMemoryViews");
  function initMemory() {
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
  }
  __name(initMemory, "initMemory");
  var __RELOC_FUNCS__ = [];
  function preRun() {
    if (Module["preRun"]) {
      if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
      while (Module["preRun"].length) {
        addOnPreRun(Module["preRun"].shift());
      }
    }
    callRuntimeCallbacks(onPreRuns);
  }
  __name(preRun, "preRun");
  function initRuntime() {
    runtimeInitialized = true;
    callRuntimeCallbacks(__RELOC_FUNCS__);
    wasmExports["__wasm_call_ctors"]();
    callRuntimeCallbacks(onPostCtors);
  }
  __name(initRuntime, "initRuntime");
  function preMain() {
  }
  __name(preMain, "preMain");
  function postRun() {
    if (Module["postRun"]) {
      if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
      while (Module["postRun"].length) {
        addOnPostRun(Module["postRun"].shift());
      }
    }
    callRuntimeCallbacks(onPostRuns);
  }
  __name(postRun, "postRun");
  function abort(what) {
    Module["onAbort"]?.(what);
    what = "Aborted(" + what + ")";
    err(what);
    ABORT = true;
    what += ". Build with -sASSERTIONS for more info.";
    var e = new WebAssembly.RuntimeError(what);
    readyPromiseReject?.(e);
    throw e;
  }
  __name(abort, "abort");
  var wasmBinaryFile;
  function findWasmBinary() {
    if (Module["locateFile"]) {
      return locateFile("web-tree-sitter.wasm");
    }
    return new URL("web-tree-sitter.wasm", import.meta.url).href;
  }
  __name(findWasmBinary, "findWasmBinary");
  function getBinarySync(file) {
    if (file == wasmBinaryFile && wasmBinary) {
      return new Uint8Array(wasmBinary);
    }
    if (readBinary) {
      return readBinary(file);
    }
    throw "both async and sync fetching of the wasm failed";
  }
  __name(getBinarySync, "getBinarySync");
  async function getWasmBinary(binaryFile) {
    if (!wasmBinary) {
      try {
        var response = await readAsync(binaryFile);
        return new Uint8Array(response);
      } catch {
      }
    }
    return getBinarySync(binaryFile);
  }
  __name(getWasmBinary, "getWasmBinary");
  async function instantiateArrayBuffer(binaryFile, imports) {
    try {
      var binary2 = await getWasmBinary(binaryFile);
      var instance2 = await WebAssembly.instantiate(binary2, imports);
      return instance2;
    } catch (reason) {
      err(`failed to asynchronously prepare wasm: ${reason}`);
      abort(reason);
    }
  }
  __name(instantiateArrayBuffer, "instantiateArrayBuffer");
  async function instantiateAsync(binary2, binaryFile, imports) {
    if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
      try {
        var response = fetch(binaryFile, {
          credentials: "same-origin"
        });
        var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
        return instantiationResult;
      } catch (reason) {
        err(`wasm streaming compile failed: ${reason}`);
        err("falling back to ArrayBuffer instantiation");
      }
    }
    return instantiateArrayBuffer(binaryFile, imports);
  }
  __name(instantiateAsync, "instantiateAsync");
  function getWasmImports() {
    return {
      "env": wasmImports,
      "wasi_snapshot_preview1": wasmImports,
      "GOT.mem": new Proxy(wasmImports, GOTHandler),
      "GOT.func": new Proxy(wasmImports, GOTHandler)
    };
  }
  __name(getWasmImports, "getWasmImports");
  async function createWasm() {
    function receiveInstance(instance2, module2) {
      wasmExports = instance2.exports;
      wasmExports = relocateExports(wasmExports, 1024);
      var metadata2 = getDylinkMetadata(module2);
      if (metadata2.neededDynlibs) {
        dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
      }
      mergeLibSymbols(wasmExports, "main");
      LDSO.init();
      loadDylibs();
      __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
      assignWasmExports(wasmExports);
      return wasmExports;
    }
    __name(receiveInstance, "receiveInstance");
    function receiveInstantiationResult(result2) {
      return receiveInstance(result2["instance"], result2["module"]);
    }
    __name(receiveInstantiationResult, "receiveInstantiationResult");
    var info2 = getWasmImports();
    if (Module["instantiateWasm"]) {
      return new Promise((resolve6, reject) => {
        Module["instantiateWasm"](info2, (mod, inst) => {
          resolve6(receiveInstance(mod, inst));
        });
      });
    }
    wasmBinaryFile ??= findWasmBinary();
    var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
    var exports = receiveInstantiationResult(result);
    return exports;
  }
  __name(createWasm, "createWasm");
  class ExitStatus {
    static {
      __name(this, "ExitStatus");
    }
    name = "ExitStatus";
    constructor(status) {
      this.message = `Program terminated with exit(${status})`;
      this.status = status;
    }
  }
  var GOT = {};
  var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
  var GOTHandler = {
    get(obj, symName) {
      var rtn = GOT[symName];
      if (!rtn) {
        rtn = GOT[symName] = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
      }
      if (!currentModuleWeakSymbols.has(symName)) {
        rtn.required = true;
      }
      return rtn;
    }
  };
  var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
  var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
  var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
  var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
  var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
  var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
  var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
  var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
  var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
  var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
  var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
  var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
  var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
  var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
    while (callbacks.length > 0) {
      callbacks.shift()(Module);
    }
  }, "callRuntimeCallbacks");
  var onPostRuns = [];
  var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
  var onPreRuns = [];
  var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
  var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
  var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
    var maxIdx = idx + maxBytesToRead;
    if (ignoreNul) return maxIdx;
    while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
    return idx;
  }, "findStringEnd");
  var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
    var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
    if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
      return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
    }
    var str = "";
    while (idx < endPtr) {
      var u0 = heapOrArray[idx++];
      if (!(u0 & 128)) {
        str += String.fromCharCode(u0);
        continue;
      }
      var u1 = heapOrArray[idx++] & 63;
      if ((u0 & 224) == 192) {
        str += String.fromCharCode((u0 & 31) << 6 | u1);
        continue;
      }
      var u2 = heapOrArray[idx++] & 63;
      if ((u0 & 240) == 224) {
        u0 = (u0 & 15) << 12 | u1 << 6 | u2;
      } else {
        u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
      }
      if (u0 < 65536) {
        str += String.fromCharCode(u0);
      } else {
        var ch = u0 - 65536;
        str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
      }
    }
    return str;
  }, "UTF8ArrayToString");
  var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
    var offset = 0;
    var end = 0;
    function getU8() {
      return binary2[offset++];
    }
    __name(getU8, "getU8");
    function getLEB() {
      var ret = 0;
      var mul = 1;
      while (1) {
        var byte = binary2[offset++];
        ret += (byte & 127) * mul;
        mul *= 128;
        if (!(byte & 128)) break;
      }
      return ret;
    }
    __name(getLEB, "getLEB");
    function getString() {
      var len = getLEB();
      offset += len;
      return UTF8ArrayToString(binary2, offset - len, len);
    }
    __name(getString, "getString");
    function getStringList() {
      var count2 = getLEB();
      var rtn = [];
      while (count2--) rtn.push(getString());
      return rtn;
    }
    __name(getStringList, "getStringList");
    function failIf(condition, message) {
      if (condition) throw new Error(message);
    }
    __name(failIf, "failIf");
    if (binary2 instanceof WebAssembly.Module) {
      var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
      failIf(dylinkSection.length === 0, "need dylink section");
      binary2 = new Uint8Array(dylinkSection[0]);
      end = binary2.length;
    } else {
      var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
      var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
      failIf(!magicNumberFound, "need to see wasm magic number");
      failIf(binary2[8] !== 0, "need the dylink section to be first");
      offset = 9;
      var section_size = getLEB();
      end = offset + section_size;
      var name2 = getString();
      failIf(name2 !== "dylink.0");
    }
    var customSection = {
      neededDynlibs: [],
      tlsExports: /* @__PURE__ */ new Set(),
      weakImports: /* @__PURE__ */ new Set(),
      runtimePaths: []
    };
    var WASM_DYLINK_MEM_INFO = 1;
    var WASM_DYLINK_NEEDED = 2;
    var WASM_DYLINK_EXPORT_INFO = 3;
    var WASM_DYLINK_IMPORT_INFO = 4;
    var WASM_DYLINK_RUNTIME_PATH = 5;
    var WASM_SYMBOL_TLS = 256;
    var WASM_SYMBOL_BINDING_MASK = 3;
    var WASM_SYMBOL_BINDING_WEAK = 1;
    while (offset < end) {
      var subsectionType = getU8();
      var subsectionSize = getLEB();
      if (subsectionType === WASM_DYLINK_MEM_INFO) {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
      } else if (subsectionType === WASM_DYLINK_NEEDED) {
        customSection.neededDynlibs = getStringList();
      } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var symname = getString();
          var flags22 = getLEB();
          if (flags22 & WASM_SYMBOL_TLS) {
            customSection.tlsExports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var modname = getString();
          var symname = getString();
          var flags22 = getLEB();
          if ((flags22 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
            customSection.weakImports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
        customSection.runtimePaths = getStringList();
      } else {
        offset += subsectionSize;
      }
    }
    return customSection;
  }, "getDylinkMetadata");
  function getValue(ptr, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        return HEAP8[ptr];
      case "i8":
        return HEAP8[ptr];
      case "i16":
        return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
      case "i32":
        return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
      case "i64":
        return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
      case "float":
        return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
      case "double":
        return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
      case "*":
        return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
      default:
        abort(`invalid type for getValue: ${type}`);
    }
  }
  __name(getValue, "getValue");
  var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
    var dso = {
      refcount: Infinity,
      name: name2,
      exports: syms,
      global: true
    };
    LDSO.loadedLibsByName[name2] = dso;
    if (handle2 != void 0) {
      LDSO.loadedLibsByHandle[handle2] = dso;
    }
    return dso;
  }, "newDSO");
  var LDSO = {
    loadedLibsByName: {},
    loadedLibsByHandle: {},
    init() {
      newDSO("__main__", 0, wasmImports);
    }
  };
  var ___heap_base = 82240;
  var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
  var getMemory = /* @__PURE__ */ __name((size) => {
    if (runtimeInitialized) {
      return _calloc(size, 1);
    }
    var ret = ___heap_base;
    var end = ret + alignMemory(size, 16);
    ___heap_base = end;
    GOT["__heap_base"].value = end;
    return ret;
  }, "getMemory");
  var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
  var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
    const n = arr.length;
    return [n % 128 | 128, n >> 7, ...arr];
  }, "uleb128EncodeWithLen");
  var wasmTypeCodes = {
    "i": 127,
    // i32
    "p": 127,
    // i32
    "j": 126,
    // i64
    "f": 125,
    // f32
    "d": 124,
    // f64
    "e": 111
  };
  var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
    var code = wasmTypeCodes[type];
    return code;
  })), "generateTypePack");
  var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
    var bytes = Uint8Array.of(
      0,
      97,
      115,
      109,
      // magic ("\0asm")
      1,
      0,
      0,
      0,
      // version: 1
      1,
      ...uleb128EncodeWithLen([
        1,
        // count: 1
        96,
        // param types
        ...generateTypePack(sig.slice(1)),
        // return types (for now only supporting [] if `void` and single [T] otherwise)
        ...generateTypePack(sig[0] === "v" ? "" : sig[0])
      ]),
      // The rest of the module is static
      2,
      7,
      // import section
      // (import "e" "f" (func 0 (type 0)))
      1,
      1,
      101,
      1,
      102,
      0,
      0,
      7,
      5,
      // export section
      // (export "f" (func 0 (type 0)))
      1,
      1,
      102,
      0,
      0
    );
    var module2 = new WebAssembly.Module(bytes);
    var instance2 = new WebAssembly.Instance(module2, {
      "e": {
        "f": func2
      }
    });
    var wrappedFunc = instance2.exports["f"];
    return wrappedFunc;
  }, "convertJsFunctionToWasm");
  var wasmTableMirror = [];
  var wasmTable = new WebAssembly.Table({
    "initial": 31,
    "element": "anyfunc"
  });
  var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
    var func2 = wasmTableMirror[funcPtr];
    if (!func2) {
      wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
    }
    return func2;
  }, "getWasmTableEntry");
  var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
    if (functionsInTableMap) {
      for (var i2 = offset; i2 < offset + count; i2++) {
        var item = getWasmTableEntry(i2);
        if (item) {
          functionsInTableMap.set(item, i2);
        }
      }
    }
  }, "updateTableMap");
  var functionsInTableMap;
  var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
    if (!functionsInTableMap) {
      functionsInTableMap = /* @__PURE__ */ new WeakMap();
      updateTableMap(0, wasmTable.length);
    }
    return functionsInTableMap.get(func2) || 0;
  }, "getFunctionAddress");
  var freeTableIndexes = [];
  var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
    if (freeTableIndexes.length) {
      return freeTableIndexes.pop();
    }
    return wasmTable["grow"](1);
  }, "getEmptyTableSlot");
  var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
    wasmTable.set(idx, func2);
    wasmTableMirror[idx] = wasmTable.get(idx);
  }, "setWasmTableEntry");
  var addFunction = /* @__PURE__ */ __name((func2, sig) => {
    var rtn = getFunctionAddress(func2);
    if (rtn) {
      return rtn;
    }
    var ret = getEmptyTableSlot();
    try {
      setWasmTableEntry(ret, func2);
    } catch (err2) {
      if (!(err2 instanceof TypeError)) {
        throw err2;
      }
      var wrapped = convertJsFunctionToWasm(func2, sig);
      setWasmTableEntry(ret, wrapped);
    }
    functionsInTableMap.set(func2, ret);
    return ret;
  }, "addFunction");
  var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
    for (var symName in exports) {
      if (isInternalSym(symName)) {
        continue;
      }
      var value = exports[symName];
      GOT[symName] ||= new WebAssembly.Global({
        "value": "i32",
        "mutable": true
      });
      if (replace || GOT[symName].value == 0) {
        if (typeof value == "function") {
          GOT[symName].value = addFunction(value);
        } else if (typeof value == "number") {
          GOT[symName].value = value;
        } else {
          err(`unhandled export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "updateGOT");
  var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
    var relocated = {};
    for (var e in exports) {
      var value = exports[e];
      if (typeof value == "object") {
        value = value.value;
      }
      if (typeof value == "number") {
        value += memoryBase2;
      }
      relocated[e] = value;
    }
    updateGOT(relocated, replace);
    return relocated;
  }, "relocateExports");
  var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
    var existing = wasmImports[symName];
    if (!existing || existing.stub) {
      return false;
    }
    return true;
  }, "isSymbolDefined");
  var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
    var func2 = getWasmTableEntry(ptr);
    var rtn = func2(...args2);
    function convert(rtn2) {
      return rtn2;
    }
    __name(convert, "convert");
    return convert(rtn);
  }, "dynCall");
  var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
  var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
  var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
    var sp = stackSave();
    try {
      return dynCall(sig, ptr, args2);
    } catch (e) {
      stackRestore(sp);
      if (e !== e + 0) throw e;
      _setThrew(1, 0);
      if (sig[0] == "j") return 0n;
    }
  }, "createInvokeFunction");
  var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
    var sym;
    if (isSymbolDefined(symName)) {
      sym = wasmImports[symName];
    } else if (symName.startsWith("invoke_")) {
      sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
    }
    return {
      sym,
      name: symName
    };
  }, "resolveGlobalSymbol");
  var onPostCtors = [];
  var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
  var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
  var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign);
      var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
      var tableBase = metadata.tableSize ? wasmTable.length : 0;
      if (handle) {
        HEAP8[handle + 8] = 1;
        LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
        LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
        LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
        LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
      }
      if (metadata.tableSize) {
        wasmTable.grow(metadata.tableSize);
      }
      var moduleExports;
      function resolveSymbol(sym) {
        var resolved = resolveGlobalSymbol(sym).sym;
        if (!resolved && localScope) {
          resolved = localScope[sym];
        }
        if (!resolved) {
          resolved = moduleExports[sym];
        }
        return resolved;
      }
      __name(resolveSymbol, "resolveSymbol");
      var proxyHandler = {
        get(stubs, prop) {
          switch (prop) {
            case "__memory_base":
              return memoryBase;
            case "__table_base":
              return tableBase;
          }
          if (prop in wasmImports && !wasmImports[prop].stub) {
            var res = wasmImports[prop];
            return res;
          }
          if (!(prop in stubs)) {
            var resolved;
            stubs[prop] = (...args2) => {
              resolved ||= resolveSymbol(prop);
              return resolved(...args2);
            };
          }
          return stubs[prop];
        }
      };
      var proxy = new Proxy({}, proxyHandler);
      currentModuleWeakSymbols = metadata.weakImports;
      var info = {
        "GOT.mem": new Proxy({}, GOTHandler),
        "GOT.func": new Proxy({}, GOTHandler),
        "env": proxy,
        "wasi_snapshot_preview1": proxy
      };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize);
        moduleExports = relocateExports(instance.exports, memoryBase);
        if (!flags.allowUndefined) {
          reportUndefinedSymbols();
        }
        function addEmAsm(addr, body) {
          var args = [];
          var arity = 0;
          for (; arity < 16; arity++) {
            if (body.indexOf("$" + arity) != -1) {
              args.push("$" + arity);
            } else {
              break;
            }
          }
          args = args.join(",");
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        __name(addEmAsm, "addEmAsm");
        if ("__start_em_asm" in moduleExports) {
          var start = moduleExports["__start_em_asm"];
          var stop = moduleExports["__stop_em_asm"];
          while (start < stop) {
            var jsString = UTF8ToString(start);
            addEmAsm(start, jsString);
            start = HEAPU8.indexOf(0, start) + 1;
          }
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          cSig = cSig.slice(1, -1);
          if (cSig != "void") {
            cSig = cSig.split(",");
            for (var i in cSig) {
              var jsArg = cSig[i].split(" ").pop();
              jsArgs.push(jsArg.replace("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        __name(addEmJs, "addEmJs");
        for (var name in moduleExports) {
          if (name.startsWith("__em_js__")) {
            var start = moduleExports[name];
            var jsString = UTF8ToString(start);
            var parts = jsString.split("<::>");
            addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
            delete moduleExports[name];
          }
        }
        var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
        if (applyRelocs) {
          if (runtimeInitialized) {
            applyRelocs();
          } else {
            __RELOC_FUNCS__.push(applyRelocs);
          }
        }
        var init = moduleExports["__wasm_call_ctors"];
        if (init) {
          if (runtimeInitialized) {
            init();
          } else {
            addOnPostCtor(init);
          }
        }
        return moduleExports;
      }
      __name(postInstantiation, "postInstantiation");
      if (flags.loadAsync) {
        return (async () => {
          var instance2;
          if (binary instanceof WebAssembly.Module) {
            instance2 = new WebAssembly.Instance(binary, info);
          } else {
            ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
          }
          return postInstantiation(binary, instance2);
        })();
      }
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
      var instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    __name(loadModule, "loadModule");
    flags = {
      ...flags,
      rpath: {
        parentLibPath: libName,
        paths: metadata.runtimePaths
      }
    };
    if (flags.loadAsync) {
      return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
    }
    metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
    return loadModule();
  }, "loadWebAssemblyModule");
  var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
    for (var [sym, exp] of Object.entries(exports)) {
      const setImport = /* @__PURE__ */ __name((target) => {
        if (!isSymbolDefined(target)) {
          wasmImports[target] = exp;
        }
      }, "setImport");
      setImport(sym);
      const main_alias = "__main_argc_argv";
      if (sym == "main") {
        setImport(main_alias);
      }
      if (sym == main_alias) {
        setImport("main");
      }
    }
  }, "mergeLibSymbols");
  var asyncLoad = /* @__PURE__ */ __name(async (url) => {
    var arrayBuffer = await readAsync(url);
    return new Uint8Array(arrayBuffer);
  }, "asyncLoad");
  function loadDynamicLibrary(libName2, flags22 = {
    global: true,
    nodelete: true
  }, localScope2, handle2) {
    var dso = LDSO.loadedLibsByName[libName2];
    if (dso) {
      if (!flags22.global) {
        if (localScope2) {
          Object.assign(localScope2, dso.exports);
        }
      } else if (!dso.global) {
        dso.global = true;
        mergeLibSymbols(dso.exports, libName2);
      }
      if (flags22.nodelete && dso.refcount !== Infinity) {
        dso.refcount = Infinity;
      }
      dso.refcount++;
      if (handle2) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return flags22.loadAsync ? Promise.resolve(true) : true;
    }
    dso = newDSO(libName2, handle2, "loading");
    dso.refcount = flags22.nodelete ? Infinity : 1;
    dso.global = flags22.global;
    function loadLibData() {
      if (handle2) {
        var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
        var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
        if (data && dataSize) {
          var libData = HEAP8.slice(data, data + dataSize);
          return flags22.loadAsync ? Promise.resolve(libData) : libData;
        }
      }
      var libFile = locateFile(libName2);
      if (flags22.loadAsync) {
        return asyncLoad(libFile);
      }
      if (!readBinary) {
        throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
      }
      return readBinary(libFile);
    }
    __name(loadLibData, "loadLibData");
    function getExports() {
      if (flags22.loadAsync) {
        return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags22, libName2, localScope2, handle2));
      }
      return loadWebAssemblyModule(loadLibData(), flags22, libName2, localScope2, handle2);
    }
    __name(getExports, "getExports");
    function moduleLoaded(exports) {
      if (dso.global) {
        mergeLibSymbols(exports, libName2);
      } else if (localScope2) {
        Object.assign(localScope2, exports);
      }
      dso.exports = exports;
    }
    __name(moduleLoaded, "moduleLoaded");
    if (flags22.loadAsync) {
      return getExports().then((exports) => {
        moduleLoaded(exports);
        return true;
      });
    }
    moduleLoaded(getExports());
    return true;
  }
  __name(loadDynamicLibrary, "loadDynamicLibrary");
  var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
    for (var [symName, entry] of Object.entries(GOT)) {
      if (entry.value == 0) {
        var value = resolveGlobalSymbol(symName, true).sym;
        if (!value && !entry.required) {
          continue;
        }
        if (typeof value == "function") {
          entry.value = addFunction(value, value.sig);
        } else if (typeof value == "number") {
          entry.value = value;
        } else {
          throw new Error(`bad export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "reportUndefinedSymbols");
  var runDependencies = 0;
  var dependenciesFulfilled = null;
  var removeRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies--;
    Module["monitorRunDependencies"]?.(runDependencies);
    if (runDependencies == 0) {
      if (dependenciesFulfilled) {
        var callback = dependenciesFulfilled;
        dependenciesFulfilled = null;
        callback();
      }
    }
  }, "removeRunDependency");
  var addRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies++;
    Module["monitorRunDependencies"]?.(runDependencies);
  }, "addRunDependency");
  var loadDylibs = /* @__PURE__ */ __name(async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    addRunDependency("loadDylibs");
    for (var lib of dynamicLibraries) {
      await loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      });
    }
    reportUndefinedSymbols();
    removeRunDependency("loadDylibs");
  }, "loadDylibs");
  var noExitRuntime = true;
  function setValue(ptr, value, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        HEAP8[ptr] = value;
        break;
      case "i8":
        HEAP8[ptr] = value;
        break;
      case "i16":
        LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
        break;
      case "i32":
        LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
        break;
      case "i64":
        LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
        break;
      case "float":
        LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
        break;
      case "double":
        LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
        break;
      case "*":
        LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
        break;
      default:
        abort(`invalid type for setValue: ${type}`);
    }
  }
  __name(setValue, "setValue");
  var ___memory_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1024);
  var ___stack_high = 82240;
  var ___stack_low = 16704;
  var ___stack_pointer = new WebAssembly.Global({
    "value": "i32",
    "mutable": true
  }, 82240);
  var ___table_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1);
  var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
  __abort_js.sig = "v";
  var getHeapMax = /* @__PURE__ */ __name(() => (
    // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
    // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
    // for any code that deals with heap sizes, which would require special
    // casing all heap size related code to treat 0 specially.
    2147483648
  ), "getHeapMax");
  var growMemory = /* @__PURE__ */ __name((size) => {
    var oldHeapSize = wasmMemory.buffer.byteLength;
    var pages = (size - oldHeapSize + 65535) / 65536 | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      return 1;
    } catch (e) {
    }
  }, "growMemory");
  var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
    var oldSize = HEAPU8.length;
    requestedSize >>>= 0;
    var maxHeapSize = getHeapMax();
    if (requestedSize > maxHeapSize) {
      return false;
    }
    for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
      var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
      overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
      var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
      var replacement = growMemory(newSize);
      if (replacement) {
        return true;
      }
    }
    return false;
  }, "_emscripten_resize_heap");
  _emscripten_resize_heap.sig = "ip";
  var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
  _fd_close.sig = "ii";
  var INT53_MAX = 9007199254740992;
  var INT53_MIN = -9007199254740992;
  var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
  function _fd_seek(fd, offset, whence, newOffset) {
    offset = bigintToI53Checked(offset);
    return 70;
  }
  __name(_fd_seek, "_fd_seek");
  _fd_seek.sig = "iijip";
  var printCharBuffers = [null, [], []];
  var printChar = /* @__PURE__ */ __name((stream, curr) => {
    var buffer = printCharBuffers[stream];
    if (curr === 0 || curr === 10) {
      (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
      buffer.length = 0;
    } else {
      buffer.push(curr);
    }
  }, "printChar");
  var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
    var num = 0;
    for (var i2 = 0; i2 < iovcnt; i2++) {
      var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
      var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
      iov += 8;
      for (var j = 0; j < len; j++) {
        printChar(fd, HEAPU8[ptr + j]);
      }
      num += len;
    }
    LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
    return 0;
  }, "_fd_write");
  _fd_write.sig = "iippp";
  function _tree_sitter_log_callback(isLexMessage, messageAddress) {
    if (Module.currentLogCallback) {
      const message = UTF8ToString(messageAddress);
      Module.currentLogCallback(message, isLexMessage !== 0);
    }
  }
  __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
  function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
    const INPUT_BUFFER_SIZE = 10 * 1024;
    const string = Module.currentParseCallback(index, {
      row,
      column
    });
    if (typeof string === "string") {
      setValue(lengthAddress, string.length, "i32");
      stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
    } else {
      setValue(lengthAddress, 0, "i32");
    }
  }
  __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
  function _tree_sitter_progress_callback(currentOffset, hasError) {
    if (Module.currentProgressCallback) {
      return Module.currentProgressCallback({
        currentOffset,
        hasError
      });
    }
    return false;
  }
  __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
  function _tree_sitter_query_progress_callback(currentOffset) {
    if (Module.currentQueryProgressCallback) {
      return Module.currentQueryProgressCallback({
        currentOffset
      });
    }
    return false;
  }
  __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
  var runtimeKeepaliveCounter = 0;
  var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
  var _proc_exit = /* @__PURE__ */ __name((code) => {
    EXITSTATUS = code;
    if (!keepRuntimeAlive()) {
      Module["onExit"]?.(code);
      ABORT = true;
    }
    quit_(code, new ExitStatus(code));
  }, "_proc_exit");
  _proc_exit.sig = "vi";
  var exitJS = /* @__PURE__ */ __name((status, implicit) => {
    EXITSTATUS = status;
    _proc_exit(status);
  }, "exitJS");
  var handleException = /* @__PURE__ */ __name((e) => {
    if (e instanceof ExitStatus || e == "unwind") {
      return EXITSTATUS;
    }
    quit_(1, e);
  }, "handleException");
  var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
    var len = 0;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var c = str.charCodeAt(i2);
      if (c <= 127) {
        len++;
      } else if (c <= 2047) {
        len += 2;
      } else if (c >= 55296 && c <= 57343) {
        len += 4;
        ++i2;
      } else {
        len += 3;
      }
    }
    return len;
  }, "lengthBytesUTF8");
  var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
    if (!(maxBytesToWrite > 0)) return 0;
    var startIdx = outIdx;
    var endIdx = outIdx + maxBytesToWrite - 1;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var u = str.codePointAt(i2);
      if (u <= 127) {
        if (outIdx >= endIdx) break;
        heap[outIdx++] = u;
      } else if (u <= 2047) {
        if (outIdx + 1 >= endIdx) break;
        heap[outIdx++] = 192 | u >> 6;
        heap[outIdx++] = 128 | u & 63;
      } else if (u <= 65535) {
        if (outIdx + 2 >= endIdx) break;
        heap[outIdx++] = 224 | u >> 12;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
      } else {
        if (outIdx + 3 >= endIdx) break;
        heap[outIdx++] = 240 | u >> 18;
        heap[outIdx++] = 128 | u >> 12 & 63;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
        i2++;
      }
    }
    heap[outIdx] = 0;
    return outIdx - startIdx;
  }, "stringToUTF8Array");
  var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
  var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
  var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
    var size = lengthBytesUTF8(str) + 1;
    var ret = stackAlloc(size);
    stringToUTF8(str, ret, size);
    return ret;
  }, "stringToUTF8OnStack");
  var AsciiToString = /* @__PURE__ */ __name((ptr) => {
    var str = "";
    while (1) {
      var ch = HEAPU8[ptr++];
      if (!ch) return str;
      str += String.fromCharCode(ch);
    }
  }, "AsciiToString");
  var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
    maxBytesToWrite ??= 2147483647;
    if (maxBytesToWrite < 2) return 0;
    maxBytesToWrite -= 2;
    var startPtr = outPtr;
    var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
    for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
      var codeUnit = str.charCodeAt(i2);
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
      outPtr += 2;
    }
    LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
    return outPtr - startPtr;
  }, "stringToUTF16");
  LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
    /* little endian */
    ((x) => x),
    ((x) => x),
    void 0,
    ((x) => x)
  ] : [
    /* big endian */
    ((x) => x),
    ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
    void 0,
    ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
  ];
  function LE_HEAP_UPDATE() {
    HEAPU16.unsigned = ((x) => x & 65535);
    HEAPU32.unsigned = ((x) => x >>> 0);
  }
  __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
  {
    initMemory();
    if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
    if (Module["print"]) out = Module["print"];
    if (Module["printErr"]) err = Module["printErr"];
    if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].shift()();
      }
    }
  }
  Module["setValue"] = setValue;
  Module["getValue"] = getValue;
  Module["UTF8ToString"] = UTF8ToString;
  Module["stringToUTF8"] = stringToUTF8;
  Module["lengthBytesUTF8"] = lengthBytesUTF8;
  Module["AsciiToString"] = AsciiToString;
  Module["stringToUTF16"] = stringToUTF16;
  Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
  Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
  var ASM_CONSTS = {};
  var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
  function assignWasmExports(wasmExports2) {
    Module["_malloc"] = _malloc = wasmExports2["malloc"];
    Module["_calloc"] = _calloc = wasmExports2["calloc"];
    Module["_realloc"] = _realloc = wasmExports2["realloc"];
    Module["_free"] = _free = wasmExports2["free"];
    Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
    Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
    Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
    Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
    Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
    Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
    Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
    Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
    Module["_strlen"] = _strlen = wasmExports2["strlen"];
    Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
    Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
    Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
    Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
    Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
    Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
    Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
    Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
    Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
    Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
    Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
    Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
    Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
    Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
    Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
    Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
    Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
    Module["_memset"] = _memset = wasmExports2["memset"];
    Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
    Module["_memmove"] = _memmove = wasmExports2["memmove"];
    Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
    Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
    Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
    Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
    Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
    Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
    Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
    Module["_memchr"] = _memchr = wasmExports2["memchr"];
    Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
    Module["_strncat"] = _strncat = wasmExports2["strncat"];
    Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
    Module["_towlower"] = _towlower = wasmExports2["towlower"];
    Module["_towupper"] = _towupper = wasmExports2["towupper"];
    _setThrew = wasmExports2["setThrew"];
    __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
    __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
    _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
    ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
  }
  __name(assignWasmExports, "assignWasmExports");
  var wasmImports = {
    /** @export */
    __heap_base: ___heap_base,
    /** @export */
    __indirect_function_table: wasmTable,
    /** @export */
    __memory_base: ___memory_base,
    /** @export */
    __stack_high: ___stack_high,
    /** @export */
    __stack_low: ___stack_low,
    /** @export */
    __stack_pointer: ___stack_pointer,
    /** @export */
    __table_base: ___table_base,
    /** @export */
    _abort_js: __abort_js,
    /** @export */
    emscripten_resize_heap: _emscripten_resize_heap,
    /** @export */
    fd_close: _fd_close,
    /** @export */
    fd_seek: _fd_seek,
    /** @export */
    fd_write: _fd_write,
    /** @export */
    memory: wasmMemory,
    /** @export */
    tree_sitter_log_callback: _tree_sitter_log_callback,
    /** @export */
    tree_sitter_parse_callback: _tree_sitter_parse_callback,
    /** @export */
    tree_sitter_progress_callback: _tree_sitter_progress_callback,
    /** @export */
    tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
  };
  function callMain(args2 = []) {
    var entryFunction = resolveGlobalSymbol("main").sym;
    if (!entryFunction) return;
    args2.unshift(thisProgram);
    var argc = args2.length;
    var argv = stackAlloc((argc + 1) * 4);
    var argv_ptr = argv;
    args2.forEach((arg) => {
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
      argv_ptr += 4;
    });
    LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
    try {
      var ret = entryFunction(argc, argv);
      exitJS(
        ret,
        /* implicit = */
        true
      );
      return ret;
    } catch (e) {
      return handleException(e);
    }
  }
  __name(callMain, "callMain");
  function run(args2 = arguments_) {
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    preRun();
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    function doRun() {
      Module["calledRun"] = true;
      if (ABORT) return;
      initRuntime();
      preMain();
      readyPromiseResolve?.(Module);
      Module["onRuntimeInitialized"]?.();
      var noInitialRun = Module["noInitialRun"] || false;
      if (!noInitialRun) callMain(args2);
      postRun();
    }
    __name(doRun, "doRun");
    if (Module["setStatus"]) {
      Module["setStatus"]("Running...");
      setTimeout(() => {
        setTimeout(() => Module["setStatus"](""), 1);
        doRun();
      }, 1);
    } else {
      doRun();
    }
  }
  __name(run, "run");
  var wasmExports;
  wasmExports = await createWasm();
  run();
  if (runtimeInitialized) {
    moduleRtn = Module;
  } else {
    moduleRtn = new Promise((resolve6, reject) => {
      readyPromiseResolve = resolve6;
      readyPromiseReject = reject;
    });
  }
  return moduleRtn;
}
__name(Module2, "Module");
var web_tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  return Module3 ??= await web_tree_sitter_default(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue2 = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue2, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue2, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};

// src/dags/static/node-memo.ts
var typeKey = /* @__PURE__ */ Symbol("type");
var installed = false;
function rememberNodeAnswers() {
  if (installed) return;
  installed = true;
  const type = Object.getOwnPropertyDescriptor(Node.prototype, "type")?.get;
  if (type === void 0) throw new Error("web-tree-sitter's Node has no type getter");
  const childForFieldName = Node.prototype.childForFieldName;
  Object.defineProperty(Node.prototype, "type", {
    configurable: true,
    get() {
      return this[typeKey] ??= String(type.call(this));
    }
  });
  Node.prototype.childForFieldName = function(field) {
    const child = childForFieldName.call(this, field);
    const known = child === null ? void 0 : this._children ?? this._namedChildren;
    return known?.find((candidate) => candidate?.id === child?.id) ?? child;
  };
}

// src/dags/static/parser.ts
var parser;
async function load() {
  await Parser.init({ locateFile: () => assetPath("web-tree-sitter/web-tree-sitter.wasm") });
  const language = await Language.load(assetPath("tree-sitter-python/tree-sitter-python.wasm"));
  const loaded = new Parser();
  loaded.setLanguage(language);
  rememberNodeAnswers();
  return loaded;
}
async function pythonParser() {
  parser ??= load();
  return parser;
}
async function withTree(text, use) {
  const tree = (await pythonParser()).parse(text);
  if (tree === null) throw new Error("tree-sitter returned no tree");
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}

// src/dags/static/rule.ts
function fileRule(id, severity, check) {
  const report = reporter(id, severity);
  return { id, severity, scope: "file", check: (context) => check(context, report) };
}
function folderRule(id, severity, check) {
  const report = reporter(id, severity);
  return { id, severity, scope: "folder", check: (context) => check(context, report) };
}
function reporter(rule, severity) {
  return (file, place, message) => ({ file, line: place.line, column: place.column, severity, rule, message, layer: "static" });
}
function quote(value) {
  return value === null ? "(computed)" : `'${value}'`;
}

// src/dags/static/rules/dynamic-start-date.ts
var movingClock = /^(datetime\.(datetime|date)\.(now|today|utcnow)|pendulum\.(now|today|yesterday|tomorrow)|pendulum\.DateTime\.(now|today|utcnow)|airflow\..*\.(days_ago|utcnow)|time\.time)$/;
var dynamicStartDate = fileRule("dynamic-start-date", "warning", ({ file, model }, report) => {
  const findings = [];
  for (const dag of model.dags) {
    for (const value of startDates(dag.keywords, model)) {
      const call = descendants(value, /* @__PURE__ */ new Set(["call"])).find((node) => movingClock.test(model.names.callee(node) ?? ""));
      if (call) {
        findings.push(report(
          file,
          placeOf(call),
          `DAG ${quote(dag.dagId)} has a start_date computed at parse time (${call.text}): it changes on every parse; use a fixed date such as pendulum.datetime(2024, 1, 1, tz="UTC")`
        ));
      }
    }
  }
  return findings;
});
function startDates(keywords, model) {
  const values = [];
  const direct = keywords.get("start_date");
  if (direct) values.push(direct);
  let defaults = keywords.get("default_args");
  if (defaults?.type === "identifier") defaults = model.moduleValues.get(defaults.text);
  const fromDefaults = defaults ? dictEntries(defaults).get("start_date") : void 0;
  if (fromDefaults) values.push(fromDefaults);
  return values;
}

// src/dags/static/rules/dag-not-called.ts
var dagNotCalled = fileRule(
  "dag-not-called",
  "warning",
  ({ file, model }, report) => model.dags.filter((dag) => dag.style === "decorator" && dag.functionName !== null && !model.calledNames.has(dag.functionName)).map(
    (dag) => report(
      file,
      dag.place,
      `the @dag function '${dag.functionName}' is never called, so Airflow finds no DAG in it: call ${dag.functionName}() at module level`
    )
  )
);

// src/dags/static/rules/dags-folder-in-import.ts
import { basename as basename3 } from "node:path";
var dagsFolderInImport = folderRule("dags-folder-in-import", "error", ({ dagsFolder, sources, files }, report) => {
  const modules = /* @__PURE__ */ new Set();
  for (const source of sources) {
    const parts2 = moduleNameOf(source.path).split(".");
    for (let i2 = 1; i2 <= parts2.length; i2++) modules.add(parts2.slice(0, i2).join("."));
  }
  const folderNames = /* @__PURE__ */ new Set(["dags", basename3(dagsFolder)]);
  return files.flatMap((facts) => facts.absoluteImports.flatMap((used) => {
    const [first, ...rest] = used.module.split(".");
    const working = rest.join(".");
    if (first === void 0 || !folderNames.has(first) || modules.has(first) || !modules.has(working)) return [];
    const fixed = used.statement.replace(used.module, working);
    return [report(
      facts.path,
      used.place,
      `\`${used.module}\` cannot be imported: Airflow puts the dags folder itself on sys.path, not its parent, so the import fails with "No module named '${first}'"; write \`${fixed}\``
    )];
  }));
});

// src/dags/static/rules/dependency-cycle.ts
var dependencyCycle = fileRule(
  "dependency-cycle",
  "error",
  ({ file, model }, report) => model.dags.flatMap((dag) => cyclesOf(dag).map(
    ({ path, closing }) => report(
      file,
      closing.place,
      `dependency cycle in DAG ${quote(dag.dagId)}: ${path.map(label).join(" >> ")}; Airflow rejects the DAG (AirflowDagCycleException)`
    )
  ))
);
function cyclesOf(dag) {
  const edges = /* @__PURE__ */ new Map();
  for (const dependency of dag.dependencies) {
    if (dependency.upstream.repeated || dependency.downstream.repeated) continue;
    edges.set(dependency.upstream, [...edges.get(dependency.upstream) ?? [], dependency]);
  }
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const cycles = [];
  const visit = (task) => {
    state.set(task, "open");
    stack.push(task);
    for (const dependency of edges.get(task) ?? []) {
      const next = dependency.downstream;
      if (state.get(next) === "open") cycles.push({ path: [...stack.slice(stack.indexOf(next)), next], closing: dependency });
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(task, "done");
  };
  for (const task of dag.tasks) if (!state.has(task)) visit(task);
  return cycles;
}
function label(task) {
  return task.taskId ?? `<task at line ${task.place.line}>`;
}

// src/dags/static/rules/duplicate-dag-id.ts
var duplicateDagId = folderRule("duplicate-dag-id", "error", ({ files }, report) => {
  const sites = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const site of file.dagIds) sites.set(site.dagId, [...sites.get(site.dagId) ?? [], { path: file.path, site }]);
  }
  const findings = [];
  for (const [dagId, all] of sites) {
    const [first, ...others] = all;
    if (!first) continue;
    for (const { path, site } of others) {
      const where = path === first.path ? `at line ${first.site.place.line}` : `in ${first.path}:${first.site.place.line}`;
      findings.push(report(path, site.place, `dag_id '${dagId}' is also defined ${where}: Airflow keeps one of them and the other disappears`));
    }
    if (others.length === 0 && first.site.repeated) {
      findings.push(report(
        first.path,
        first.site.place,
        `dag_id '${dagId}' is created on every pass of a loop: each DAG replaces the previous one; build the id from the loop variable`
      ));
    }
  }
  return findings;
});

// src/dags/static/rules/duplicate-task-id.ts
var duplicateTaskId = fileRule("duplicate-task-id", "error", ({ file, model }, report) => {
  const findings = [];
  for (const dag of model.dags) {
    const first = /* @__PURE__ */ new Map();
    for (const task of dag.tasks) {
      if (task.taskflow || task.taskId === null || task.namespace === null) continue;
      const key = `${task.namespace}\0${task.taskId}`;
      const earlier = first.get(key);
      if (earlier) {
        findings.push(report(
          file,
          task.place,
          `task_id '${task.taskId}' is already used in DAG ${quote(dag.dagId)} at line ${earlier.place.line}: Airflow fails the import with DuplicateTaskIdFound`
        ));
        continue;
      }
      first.set(key, task);
      if (task.repeated) {
        findings.push(report(
          file,
          task.place,
          `task_id '${task.taskId}' is created on every pass of a loop in DAG ${quote(dag.dagId)}: the second pass fails with DuplicateTaskIdFound; build the id from the loop variable`
        ));
      }
    }
  }
  return findings;
});

// src/dags/static/rules/missing-dependency.ts
var missingDependency = folderRule(missingDependencyRule, "error", ({ dagsFolder, files, lockedModules }, report) => {
  if (lockedModules === null) return [];
  const local = localModules(dagsFolder, lockedModules);
  return files.flatMap((facts) => facts.absoluteImports.flatMap((used) => {
    const missing2 = used.guarded ? null : missingModule(lockedModules, local, used.module);
    return missing2 === null ? [] : [report(facts.path, used.place, missingDependencyMessage(used.module, missing2))];
  }));
});

// src/dags/static/rules/missing-schedule.ts
var missingSchedule = fileRule(
  "missing-schedule",
  "warning",
  ({ file, model }, report) => model.dags.filter((dag) => !dag.splat && !["schedule", "schedule_interval", "timetable"].some((name2) => dag.keywords.has(name2))).map(
    (dag) => report(
      file,
      dag.place,
      `DAG ${quote(dag.dagId)} has no explicit schedule: Airflow 3 defaults to schedule=None (runs only when triggered); write schedule=None if that is what you want`
    )
  )
);

// src/dags/static/parse-time-calls.ts
var oneOf = (names) => {
  const members = names.map((name2) => `${name2}.`);
  return (callee) => names.includes(callee) || members.some((prefix) => callee.startsWith(prefix));
};
var method = (names) => (callee) => names.includes(callee.slice(callee.lastIndexOf(".") + 1));
function parseTimeRule({ id, severity, matches, what, instead }) {
  return fileRule(id, severity, ({ file, model }, report) => {
    const findings = [];
    for (const call of model.parseTimeCalls) {
      if (!matches(call.callee)) continue;
      const shortName = call.callee.split(".").slice(-2).join(".");
      findings.push(report(file, call.place, `${shortName}(...) ${what} every time Airflow parses this file: ${instead}`));
    }
    return findings;
  });
}

// src/dags/static/rules/parse-time-connection.ts
var secretMethods = method(["get_connection", "get_connection_from_secrets", "get_conn", "get_conn_value", "get_conn_uri", "get_secret", "get_secret_value"]);
var vaultClient = oneOf(["hvac.Client"]);
var parseTimeConnection = parseTimeRule({
  id: "parse-time-connection",
  severity: "warning",
  matches: (callee) => /^airflow\..*\bConnection\.(get|get_connection_from_secrets)$/.test(callee) || secretMethods(callee) || vaultClient(callee),
  what: "looks up a connection or a secret",
  instead: "look it up inside a task, or in a template: {{ conn.my_conn_id }}"
});

// src/dags/static/rules/parse-time-database.ts
var databaseClients = oneOf([
  "sqlalchemy.create_engine",
  "psycopg2.connect",
  "psycopg.connect",
  "pymysql.connect",
  "MySQLdb.connect",
  "mysql.connector.connect",
  "sqlite3.connect",
  "pymongo.MongoClient",
  "redis.Redis",
  "redis.StrictRedis",
  "redis.from_url",
  "cx_Oracle.connect",
  "oracledb.connect",
  "snowflake.connector.connect",
  "pyodbc.connect",
  "airflow.settings.Session",
  "airflow.utils.session.create_session"
]);
var queryMethods = method(["get_records", "get_first", "get_pandas_df", "get_df", "get_sqlalchemy_engine"]);
var parseTimeDatabase = parseTimeRule({
  id: "parse-time-database",
  severity: "warning",
  matches: (callee) => databaseClients(callee) || queryMethods(callee),
  what: "queries a database",
  instead: "query it inside a task"
});

// src/dags/static/rules/parse-time-network.ts
var parseTimeNetwork = parseTimeRule({
  id: "parse-time-network",
  severity: "warning",
  matches: oneOf([
    "requests",
    "httpx",
    "urllib.request.urlopen",
    "urllib3",
    "http.client",
    "aiohttp",
    "socket.create_connection",
    "socket.socket",
    "smtplib",
    "ftplib",
    "paramiko.SSHClient",
    "boto3.client",
    "boto3.resource",
    "boto3.Session"
  ]),
  what: "makes a network call",
  instead: "make it inside a task"
});

// src/dags/static/rules/parse-time-variable.ts
var parseTimeVariable = parseTimeRule({
  id: "parse-time-variable",
  severity: "warning",
  matches: (callee) => /^airflow\..*\bVariable\.(get|set|setdefault|update|delete|get_variable_from_secrets)$/.test(callee),
  what: "reads or writes an Airflow Variable",
  instead: "read it inside a task, or in a template: {{ var.value.name }}"
});

// src/dags/static/rules/python2-syntax.ts
var statements = {
  print_statement: "Python 2 print statement: Airflow 3 runs Python 3, write print(...)",
  exec_statement: "Python 2 exec statement: Airflow 3 runs Python 3, write exec(...)"
};
var python2Syntax = fileRule(
  "python2-syntax",
  "error",
  ({ file, root }, report) => descendants(root, new Set(Object.keys(statements))).map((node) => report(file, placeOf(node), statements[node.type] ?? node.type))
);

// src/dags/static/template-context.ts
var removedVariables = {
  execution_date: "write {{ logical_date }} instead",
  next_ds: "write {{ data_interval_end | ds }} instead",
  next_ds_nodash: "write {{ data_interval_end | ds_nodash }} instead",
  next_execution_date: "write {{ data_interval_end }} instead",
  prev_ds: "write {{ prev_data_interval_start_success | ds }} for the last successful run, or {{ macros.ds_add(ds, -1) }} for the day before",
  prev_ds_nodash: "write {{ prev_data_interval_start_success | ds_nodash }} for the last successful run",
  prev_execution_date: "write {{ prev_data_interval_start_success }} for the last successful run",
  prev_execution_date_success: "write {{ prev_data_interval_start_success }} instead",
  tomorrow_ds: "write {{ macros.ds_add(ds, 1) }} instead",
  tomorrow_ds_nodash: 'write {{ macros.ds_format(macros.ds_add(ds, 1), "%Y-%m-%d", "%Y%m%d") }} instead',
  yesterday_ds: "write {{ macros.ds_add(ds, -1) }} instead",
  yesterday_ds_nodash: 'write {{ macros.ds_format(macros.ds_add(ds, -1), "%Y-%m-%d", "%Y%m%d") }} instead',
  conf: "read the setting in the task code instead (from airflow.configuration import conf)",
  triggering_dataset_events: "write {{ triggering_asset_events }} instead"
};
var logicalDateVariables = {
  ds: "{{ (dag_run.logical_date or dag_run.run_after) | ds }}",
  ds_nodash: "{{ (dag_run.logical_date or dag_run.run_after) | ds_nodash }}",
  ts: "{{ (dag_run.logical_date or dag_run.run_after) | ts }}",
  ts_nodash: "{{ (dag_run.logical_date or dag_run.run_after) | ts_nodash }}",
  ts_nodash_with_tz: "{{ (dag_run.logical_date or dag_run.run_after) | ts_nodash_with_tz }}",
  logical_date: "{{ dag_run.logical_date or dag_run.run_after }}",
  data_interval_start: "{{ dag_run.data_interval_start or dag_run.run_after }}",
  data_interval_end: "{{ dag_run.data_interval_end or dag_run.run_after }}",
  prev_data_interval_start_success: "{% if prev_data_interval_start_success is defined %}\u2026{% endif %}",
  prev_data_interval_end_success: "{% if prev_data_interval_end_success is defined %}\u2026{% endif %}"
};

// src/dags/static/template-variables.ts
import { readFileSync as readFileSync8, realpathSync as realpathSync3 } from "node:fs";
import { dirname as dirname6, join as join9, relative as relative4, sep as sep5 } from "node:path";

// src/dags/static/jinja.ts
var import_parser = __toESM(require_parser(), 1);
var implicitNames = /* @__PURE__ */ new Set(["loop", "caller", "varargs", "kwargs", "super", "self"]);
function looksLikeTemplate(text) {
  return text.includes("{{") || text.includes("{%") || text.includes("{#");
}
function contextVariables(source) {
  let root;
  try {
    root = import_parser.default.parse(source);
  } catch {
    return null;
  }
  const bound = new Set(implicitNames);
  const uses = [];
  walk(root, false, bound, uses);
  return uses.filter((use) => !bound.has(use.name));
}
function walk(node, guarded, bound, uses) {
  if (!isNode(node)) return;
  switch (node.typename) {
    case "Symbol":
      uses.push({ name: String(node.value), line: node.lineno, column: node.colno, guarded });
      return;
    case "Filter":
    case "FilterAsync": {
      const name2 = isNode(node.name) ? String(node.name.value) : "";
      const args2 = isNode(node.args) ? node.args.children ?? [] : [];
      args2.forEach((arg, index) => walk(arg, guarded || index === 0 && (name2 === "default" || name2 === "d"), bound, uses));
      return;
    }
    case "Is": {
      const test = isNode(node.right) ? node.right : null;
      const testName = test?.typename === "Symbol" ? String(test.value) : test?.typename === "FunCall" && isNode(test.name) ? String(test.name.value) : "";
      walk(node.left, guarded || testName === "defined" || testName === "undefined", bound, uses);
      if (test?.typename === "FunCall") walk(test.args, guarded, bound, uses);
      return;
    }
    case "If":
    case "IfAsync":
    case "InlineIf": {
      walk(node.cond, guarded, bound, uses);
      const tested = definedTests(node.cond);
      const before = uses.length;
      walkField(node.body, guarded, bound, uses);
      for (const use of uses.slice(before)) if (tested.has(use.name)) use.guarded = true;
      walkField(node.else_, guarded, bound, uses);
      return;
    }
    case "Pair":
      if (isNode(node.key) && node.key.typename !== "Symbol") walk(node.key, guarded, bound, uses);
      walk(node.value, guarded, bound, uses);
      return;
    case "LookupVal":
      walk(node.target, guarded, bound, uses);
      if (isNode(node.val) && node.val.typename !== "Literal") walk(node.val, guarded, bound, uses);
      return;
    default:
      bindNames(node, bound);
      for (const field of node.fields) walkField(node[field], guarded, bound, uses);
      if (node.typename === "Set") walkField(node.body, guarded, bound, uses);
  }
}
function walkField(value, guarded, bound, uses) {
  if (Array.isArray(value)) for (const child of value) walk(child, guarded, bound, uses);
  else walk(value, guarded, bound, uses);
}
function definedTests(condition) {
  const names = /* @__PURE__ */ new Set();
  const visit = (node) => {
    if (!isNode(node)) return;
    if (node.typename === "And") {
      visit(node.left);
      visit(node.right);
    } else if (node.typename === "Is" && isNode(node.left) && node.left.typename === "Symbol" && isNode(node.right) && node.right.value === "defined") {
      names.add(String(node.left.value));
    }
  };
  visit(condition);
  return names;
}
function bindNames(node, bound) {
  const symbols = (value) => {
    if (!isNode(value)) return Array.isArray(value) ? value.flatMap(symbols) : [];
    if (value.typename === "Symbol") return [value];
    if (value.typename === "Pair") return symbols(value.key);
    return (value.children ?? []).flatMap(symbols);
  };
  const add = (value) => symbols(value).forEach((symbol) => bound.add(String(symbol.value)));
  if (node.typename === "For" || node.typename === "AsyncEach" || node.typename === "AsyncAll") add(node.name);
  if (node.typename === "Set") add(node.targets);
  if (node.typename === "Macro" || node.typename === "Caller") {
    add(node.name);
    add(node.args);
  }
  if (node.typename === "Import") add(node.target);
  if (node.typename === "FromImport") add(node.names);
}
function isNode(value) {
  return typeof value === "object" && value !== null && typeof value.typename === "string";
}

// src/dags/static/template-uses.ts
var templateFileExtensions = [".sql", ".hql", ".sh", ".bash"];
var notRendered = /* @__PURE__ */ new Set(["task_id", "dag", "params", "doc", "doc_md", "doc_rst", "doc_json", "doc_yaml", "trigger_rule", "pool", "queue"]);
function templateUses(model) {
  const uses = [];
  for (const dag of model.dags) {
    for (const task of dag.tasks) {
      if (task.taskflow) continue;
      for (const [argument, value] of callArguments(task.node).keywords) {
        if (notRendered.has(argument)) continue;
        for (const node of literalStrings(value, model)) {
          const text = stringValue(node);
          if (text === null || !(looksLikeTemplate(text) || templateFileExtensions.some((extension) => text.endsWith(extension)))) continue;
          uses.push({ dagId: dag.dagId, argument, text, place: contentStart(node) });
        }
      }
    }
  }
  return uses;
}
function literalStrings(node, model, depth = 0) {
  if (!node || depth > 4) return [];
  const value = unwrap(node);
  if (value.type === "string" || value.type === "concatenated_string") return isFString(value) ? [] : [value];
  if (value.type === "identifier") return literalStrings(model.moduleValues.get(value.text), model, depth + 1);
  if (value.type === "list" || value.type === "tuple") return value.namedChildren.flatMap((item) => literalStrings(item ?? void 0, model, depth + 1));
  if (value.type === "dictionary") {
    return value.namedChildren.flatMap((pair) => pair?.type === "pair" ? literalStrings(pair.childForFieldName("value") ?? void 0, model, depth + 1) : []);
  }
  return [];
}
function isFString(node) {
  const start2 = node.type === "string" ? node.namedChildren.find((child) => child?.type === "string_start") : null;
  return start2 ? /f/i.test(start2.text) : false;
}
function contentStart(node) {
  const first = node.type === "concatenated_string" ? node.namedChild(0) : node;
  const start2 = first?.namedChildren.find((child) => child?.type === "string_start");
  if (!start2) return placeOf(node);
  return { line: start2.endPosition.row + 1, column: start2.endPosition.column + 1 };
}

// src/dags/static/template-variables.ts
var computed = /* @__PURE__ */ new WeakMap();
function templateVariables(context) {
  let variables = computed.get(context);
  if (variables === void 0) {
    const root = realpathSync3(context.dagsFolder);
    variables = context.files.flatMap((facts) => facts.templates.flatMap((use) => variablesOf(facts.path, use, root)));
    computed.set(context, variables);
  }
  return variables;
}
function variablesOf(dagFile, use, root) {
  if (templateFileExtensions.some((extension) => use.text.endsWith(extension)) && !looksLikeTemplate(use.text)) {
    const template = readTemplateFile(root, dagFile, use.text);
    if (template === null) return [];
    return (contextVariables(template.text) ?? []).map((variable) => ({
      file: template.path,
      place: { line: variable.line + 1, column: variable.column + 1 },
      name: variable.name,
      guarded: variable.guarded,
      dagId: use.dagId,
      loadedBy: `${use.argument}= at ${dagFile}:${use.place.line}`
    }));
  }
  return (contextVariables(use.text) ?? []).map((variable) => ({
    file: dagFile,
    place: {
      line: use.place.line + variable.line,
      column: variable.line === 0 ? use.place.column + variable.column : variable.column + 1
    },
    name: variable.name,
    guarded: variable.guarded,
    dagId: use.dagId,
    loadedBy: null
  }));
}
function readTemplateFile(root, dagFile, name2) {
  try {
    const absolute = realpathSync3(join9(root, dirname6(dagFile), name2));
    const path = relative4(root, absolute);
    if (path.startsWith("..") || path === "" || absolute !== join9(root, path)) return null;
    return { path: path.split(sep5).join("/"), text: readFileSync8(absolute, "utf8") };
  } catch {
    return null;
  }
}

// src/dags/static/rules/removed-template-variable.ts
var removedTemplateVariable = folderRule(
  "removed-template-variable",
  "error",
  (context, report) => templateVariables(context).filter((variable) => Object.hasOwn(removedVariables, variable.name) && !variable.guarded).map((variable) => {
    const via = variable.loadedBy === null ? "this template" : `this template (loaded by ${variable.loadedBy})`;
    return report(
      variable.file,
      variable.place,
      `\`${variable.name}\` was removed from the template context in Airflow 3, so rendering ${via} fails with UndefinedError: ${removedVariables[variable.name]}`
    );
  })
);

// src/dags/static/rules/skipped-by-airflow.ts
import { basename as basename4 } from "node:path";
var skippedByAirflow = folderRule("skipped-by-airflow", "warning", ({ dagsFolder, sources, files }, report) => {
  const folderNames = /* @__PURE__ */ new Set(["dags", basename4(dagsFolder)]);
  const imported = new Set(files.flatMap((file) => file.importedModules.flatMap((name2) => {
    const [first, ...rest] = name2.split(".");
    return first !== void 0 && folderNames.has(first) && rest.length > 0 ? [name2, rest.join(".")] : [name2];
  })));
  const facts = new Map(files.map((file) => [file.path, file]));
  return sources.filter((source) => source.text !== null && !source.airflowWillImport).filter((source) => facts.get(source.path)?.runsCodeAtImport && !imported.has(moduleNameOf(source.path))).map(
    (source) => report(
      source.path,
      { line: 1, column: 1 },
      `Airflow never imports this file: in DAG discovery safe mode (the default) it only imports files that contain both "airflow" and "dag" (or "asset"); if it makes DAGs, import from airflow in it or mention both words in a comment; if it is a helper module, DAG files import it as \`${moduleNameOf(source.path)}\``
    )
  );
});

// src/dags/static/rules/template-needs-logical-date.ts
var templateNeedsLogicalDate = folderRule(
  "template-needs-logical-date",
  "warning",
  (context, report) => templateVariables(context).filter((variable) => Object.hasOwn(logicalDateVariables, variable.name) && !variable.guarded).map((variable) => {
    const via = variable.loadedBy === null ? "this template" : `this template (loaded by ${variable.loadedBy})`;
    return report(
      variable.file,
      variable.place,
      `\`${variable.name}\` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering ${via} fails with UndefinedError: write ${logicalDateVariables[variable.name]}`
    );
  })
);

// src/dags/static/rules/index.ts
var fileRules = [
  python2Syntax,
  duplicateTaskId,
  dependencyCycle,
  parseTimeVariable,
  parseTimeConnection,
  parseTimeNetwork,
  parseTimeDatabase,
  dynamicStartDate,
  missingSchedule,
  dagNotCalled
];
var folderRules = [duplicateDagId, skippedByAirflow, dagsFolderInImport, missingDependency, removedTemplateVariable, templateNeedsLogicalDate];
var rules = [...fileRules, ...folderRules];

// src/dags/static/check-file.ts
async function checkFile(source) {
  const facts = { path: source.path, findings: [...source.findings], dagIds: [], dagPlaces: [], taskPlaces: [], importedModules: [], absoluteImports: [], runsCodeAtImport: false, templates: [] };
  if (source.text === null) return facts;
  await withTree(source.text, (tree) => {
    const root = tree.rootNode;
    const model = buildDagModel(root);
    for (const rule of fileRules) facts.findings.push(...rule.check({ file: source.path, root, model }));
    for (const dag of model.dags) {
      facts.dagPlaces.push({ dagId: dag.dagId, place: dag.place });
      if (dag.dagId !== null) facts.dagIds.push({ dagId: dag.dagId, place: dag.dagIdPlace, repeated: dag.repeated });
      for (const task of dag.tasks) if (task.taskId !== null) facts.taskPlaces.push({ taskId: task.taskId, place: task.place });
    }
    facts.importedModules = importedModules(root, source.path);
    facts.absoluteImports = absoluteImports(root);
    facts.runsCodeAtImport = model.parseTimeCalls.length > 0;
    facts.templates = templateUses(model);
  });
  return facts;
}
function addRuffFindings(facts, ruff) {
  const python2Lines = new Set(facts.findings.filter((f) => f.rule === python2Syntax.id).map((f) => f.line));
  const startDates2 = new Set(facts.findings.filter((f) => f.rule === dynamicStartDate.id).map((f) => `${f.line}:${f.column}`));
  facts.findings.push(...ruff.filter((f) => !(f.rule === "syntax-error" && python2Lines.has(f.line)) && !(f.rule === "airflow3-dag-dynamic-value" && startDates2.has(`${f.line}:${f.column}`))));
}

// src/dags/static/ruff-binary.ts
import { execFile } from "node:child_process";
import { accessSync, constants, statSync as statSync4 } from "node:fs";
import { basename as basename5, delimiter, dirname as dirname7, isAbsolute, join as join10, resolve as resolve3 } from "node:path";
import { fileURLToPath as fileURLToPath4 } from "node:url";

// node_modules/@astral-sh/ruff-wasm-nodejs/package.json
var package_default = {
  name: "@astral-sh/ruff-wasm-nodejs",
  collaborators: [
    "Charlie Marsh <charlie.r.marsh@gmail.com>"
  ],
  description: "WebAssembly bindings for Ruff",
  version: "0.17.4",
  license: "MIT",
  repository: {
    type: "git",
    url: "https://github.com/astral-sh/ruff"
  },
  files: [
    "ruff_wasm_bg.wasm",
    "ruff_wasm.js",
    "ruff_wasm.d.ts"
  ],
  main: "ruff_wasm.js",
  homepage: "https://docs.astral.sh/ruff",
  types: "ruff_wasm.d.ts"
};

// src/dags/static/ruff-binary.ts
var ruffVersion = package_default.version;
var ruffVariable = "AIRFLOW_GITOPS_RUFF";
var versions = /* @__PURE__ */ new Map();
async function nativeRuff(env, python) {
  const chosen = env[ruffVariable];
  if (chosen === "wasm") return null;
  if (chosen !== void 0 && chosen !== "") {
    const path = resolve3(chosen);
    const found = await versionOf(path);
    if (found === ruffVersion) return path;
    const problem = found === null ? "does not run as `ruff --version`" : `is ruff ${found}`;
    throw new UsageError(`${ruffVariable}=${chosen} ${problem}; validate needs ruff ${ruffVersion}, the version of its rules ('pip install ruff==${ruffVersion}'), or ${ruffVariable}=wasm`);
  }
  return firstOfVersion(ruffCandidates(env, python));
}
async function firstOfVersion(paths) {
  for (const path of paths) {
    if (await versionOf(path) === ruffVersion) return path;
  }
  return null;
}
function ruffCandidates(env, python) {
  const found = [join10(ownFolder(), ".venv", "ruff", "bin", "ruff")];
  if (python !== void 0) found.push(join10(dirname7(python), "ruff"));
  const onPath = (env.PATH ?? "").split(delimiter).filter(isAbsolute).map((folder) => join10(folder, "ruff")).find(isProgram);
  if (onPath !== void 0) found.push(onPath);
  return found.filter(isProgram);
}
function ownFolder() {
  const here = dirname7(fileURLToPath4(import.meta.url));
  return basename5(here) === "static" ? resolve3(here, "..", "..", "..") : dirname7(here);
}
function isProgram(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync4(path).isFile();
  } catch {
    return false;
  }
}
function versionOf(path) {
  let version = versions.get(path);
  if (version === void 0) {
    version = new Promise((resolveVersion) => {
      execFile(path, ["--version"], { timeout: 1e4, encoding: "utf8" }, (error, stdout) => {
        resolveVersion(error ? null : /^ruff (\S+)\s*$/.exec(stdout)?.[1] ?? null);
      });
    });
    versions.set(path, version);
  }
  return version;
}

// src/dags/static/ruff-process.ts
import { spawn as spawn3 } from "node:child_process";
import { existsSync as existsSync6 } from "node:fs";
import { createInterface as createInterface3 } from "node:readline";
import { fileURLToPath as fileURLToPath5 } from "node:url";

// src/dags/static/ruff-native.ts
import { execFile as execFile2 } from "node:child_process";
import { mkdtempSync as mkdtempSync3, readFileSync as readFileSync9, rmSync as rmSync2, statSync as statSync5, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join11 } from "node:path";
var maxArgumentBytes = 512 * 1024;
var flags2 = [
  "check",
  "--no-cache",
  "--isolated",
  "--exit-zero",
  "--output-format",
  "json",
  "--select",
  ruffSelection.select.join(","),
  ...ruffSelection.preview ? ["--preview"] : [],
  "--target-version",
  ruffSelection.targetVersion
];
async function lintNative(ruff, files) {
  const results = new Map(files.map((file) => [file.path, []]));
  const folder = mkdtempSync3(join11(tmpdir2(), "airflow-gitops-ruff-"));
  try {
    const byName = /* @__PURE__ */ new Map();
    files.forEach((file, index) => byName.set(file.absolute !== void 0 && file.stamp !== void 0 ? file.absolute : copied(folder, index, file.text), file));
    const diagnostics = await runRuff(ruff, folder, [...byName.keys()]);
    const changed = new Set(files.filter((file) => file.stamp !== void 0 && file.absolute !== void 0 && !unchanged(file.absolute, file.stamp)));
    for (const diagnostic of diagnostics) {
      const file = byName.get(diagnostic.filename);
      if (file === void 0) throw new Error(`ruff reported ${diagnostic.filename}, a file it was not given`);
      if (!changed.has(file)) results.get(file.path)?.push(findingOf(file, diagnostic));
    }
    if (changed.size > 0) {
      const again = await lintNative(ruff, [...changed].map(({ path, text }) => ({ path, text })));
      for (const [path, findings] of again) results.set(path, findings);
    }
  } finally {
    rmSync2(folder, { recursive: true, force: true });
  }
  return results;
}
function copied(folder, index, text) {
  const name2 = join11(folder, `${index}.py`);
  writeFileSync2(name2, text);
  return name2;
}
function unchanged(absolute, stamp) {
  try {
    const { ino, size, ctimeNs, mtimeNs } = statSync5(absolute, { bigint: true });
    return sameStamp(stamp, { ino, size, ctimeNs, mtimeNs });
  } catch {
    return false;
  }
}
async function runRuff(ruff, folder, names) {
  const diagnostics = [];
  let start2 = 0;
  for (let run2 = 0; start2 < names.length; run2++) {
    let end = start2;
    for (let bytes = 0; end < names.length && (end === start2 || bytes < maxArgumentBytes); end++) bytes += Buffer.byteLength(names[end]) + 1;
    const output = join11(folder, `ruff-${run2}.json`);
    await execRuff(ruff, [...flags2, "--output-file", output, "--", ...names.slice(start2, end)]);
    diagnostics.push(...JSON.parse(readFileSync9(output, "utf8")));
    start2 = end;
  }
  return diagnostics;
}
function execRuff(ruff, args2) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name2]) => !name2.startsWith("RUFF_")));
  return new Promise((resolve6, reject) => {
    execFile2(ruff, args2, { env, encoding: "utf8", maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${ruff} check failed (${error.code ?? error.signal ?? error.message}): ${stderr.trim()}`));
      else resolve6();
    });
  });
}
function findingOf(file, diagnostic) {
  return ruffFinding(file.path, {
    name: diagnostic.name,
    message: diagnostic.message,
    fixMessage: diagnostic.fix?.message ?? null,
    row: diagnostic.location.row,
    column: utf16Column(file.text, diagnostic.location.row, diagnostic.location.column)
  });
}
function utf16Column(text, row, column) {
  if (!/[\uD800-\uDFFF]/.test(text)) return column;
  let offset = 0;
  for (let line = 1; line < row; line++) {
    const next = /\r\n|\r|\n/g;
    next.lastIndex = offset;
    const match = next.exec(text);
    if (match === null) return column;
    offset = match.index + match[0].length;
  }
  let units = 0;
  for (let characters = 1; characters < column && offset + units < text.length; characters++) {
    const code = text.charCodeAt(offset + units);
    units += code >= 55296 && code <= 56319 ? 2 : 1;
  }
  return units + 1;
}

// src/dags/static/ruff-process.ts
function runnerPath() {
  for (const name2 of ["ruff-runner.ts", "ruff-runner.js"]) {
    const candidate = fileURLToPath5(new URL(`./${name2}`, import.meta.url));
    if (existsSync6(candidate)) return candidate;
  }
  return null;
}
var residentUpTo = 10;
async function lintAll(files, options = {}) {
  const results = /* @__PURE__ */ new Map();
  if (files.length === 0) return results;
  if (options.resident && (!options.native || files.length <= residentUpTo)) return options.resident.lint(files);
  if (options.native) return lintNative(options.native, files);
  const runner = runnerPath();
  const served = runner !== null && options.serverFolder ? await lintWithServer(files.map(({ path, text }) => ({ path, text })), options.serverFolder, runner) : null;
  if (served !== null) return served;
  if (runner === null) {
    for (const file of files) results.set(file.path, ruffFindings(file.path, file.text));
    return results;
  }
  const ruff = new RuffProcess(runner);
  try {
    return await ruff.lint(files);
  } finally {
    await ruff.stop();
  }
}
var RuffProcess = class {
  child;
  exited;
  replies;
  stderr = "";
  queue = Promise.resolve();
  constructor(runner = runnerPath()) {
    if (runner === null) throw new Error("the ruff runner is missing beside the validator");
    this.child = spawn3(process.execPath, ["--liftoff-only", runner], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr?.setEncoding("utf8").on("data", (chunk) => this.stderr += chunk);
    this.exited = new Promise((resolve6) => this.child.on("close", resolve6));
    this.replies = createInterface3({ input: this.child.stdout })[Symbol.asyncIterator]();
  }
  /** The findings of each file; calls run one after the other. */
  lint(files) {
    const result = this.queue.then(() => this.exchange(files));
    this.queue = result.catch(() => void 0);
    return result;
  }
  async stop() {
    this.child.stdin?.end();
    const code = await this.exited;
    if (code !== 0) throw new Error(`ruff runner exited with status ${code}: ${this.stderr.trim()}`);
  }
  async exchange(files) {
    const results = /* @__PURE__ */ new Map();
    const stdin = this.child.stdin;
    const writing = (async () => {
      for (const file of files) {
        if (!stdin.write(`${JSON.stringify({ path: file.path, text: file.text })}
`)) await new Promise((resolve6) => stdin.once("drain", resolve6));
      }
    })();
    for (const file of files) {
      const line = await this.replies.next();
      if (line.done) throw new Error(`ruff runner exited with status ${await this.exited} after ${results.size} of ${files.length} files: ${this.stderr.trim()}`);
      results.set(file.path, JSON.parse(line.value));
    }
    await writing;
    return results;
  }
};

// src/dags/stand-ins.ts
import { createHash as createHash7 } from "node:crypto";
var placeholder = "airflow-gitops-stand-in";
function standInEnvironment(standIns) {
  const env = {};
  for (const [name2, value] of standIns.variables) env[`AIRFLOW_VAR_${name2.toUpperCase()}`] = value === "any" ? placeholder : value;
  for (const [name2, value] of standIns.connections) env[`AIRFLOW_CONN_${name2.toUpperCase()}`] = value === "any" ? `generic://${placeholder}` : value;
  return env;
}
function standInsFingerprint(standIns) {
  return createHash7("sha256").update(JSON.stringify([[...standIns.variables], [...standIns.connections]])).digest("hex").slice(0, 16);
}
var missing = [
  { kind: "variables", rule: "parse-time-variable", pattern: /Variable (\S+) (?:does not exist|not found)/, env: "AIRFLOW_VAR_" },
  { kind: "connections", rule: "parse-time-connection", pattern: /conn_id `([^`]+)` isn't defined/, env: "AIRFLOW_CONN_" }
];
function explainMissingStandIns(importFindings, staticFindings) {
  return importFindings.filter((candidate) => {
    if (candidate.rule !== "import-error") return true;
    for (const { kind, rule, pattern, env } of missing) {
      const name2 = pattern.exec(candidate.message)?.[1];
      const warning = staticFindings.find((known) => known.rule === rule && known.file === candidate.file && known.line === candidate.line);
      if (name2 === void 0 || warning === void 0) continue;
      warning.message += `. The import check failed here because '${name2}' does not exist where it ran: Airflow reads ${env}${name2.toUpperCase()} first, so give it a stand-in in .airflow-gitops-validate.yaml (import: ${kind}: {${name2}: any})`;
      return false;
    }
    return true;
  });
}

// src/dags/suppressions.ts
var marker = /#\s*airflow-gitops:\s*ignore\[([^\]]*)\]/;
function suppressionsOf(text) {
  const byLine = /* @__PURE__ */ new Map();
  text.split("\n").forEach((line, index) => {
    const match = marker.exec(line);
    if (!match) return;
    const rules2 = (match[1] ?? "").split(",").map((rule) => rule.trim()).filter(Boolean);
    if (rules2.length > 0) byLine.set(index + 1, new Set(rules2));
  });
  return byLine;
}
function applySuppressions(findings, suppressionsByFile) {
  return findings.filter((finding) => !suppressionsByFile.get(finding.file)?.get(finding.line)?.has(finding.rule));
}

// src/dags/validate.ts
var defaultCacheFolder = join12(".cache", "airflow-gitops", "validate");
async function validateDags(options) {
  const dagsFolder = resolve4(options.dagsFolder);
  if (!isDirectory(dagsFolder)) throw new UsageError(`${options.dagsFolder} is not a folder`);
  const config = loadConfig(dagsFolder, options.configFile);
  const environment = options.import ? airflowEnvironment(options.python) : null;
  const lockedModules = findLockedModules(dagsFolder, options.lock);
  const discovery = discoverDagFiles(dagsFolder, config.ignoreSyntax);
  const sources = discovery.files.map((file) => file.kind === "zip" ? readArchive(file.path, file.absolute) : readSource(file.path, file.absolute));
  const importOptions = environment === null ? null : {
    dagsFolder,
    environment,
    timeoutSeconds: config.timeoutSeconds,
    parseBudgetSeconds: config.parseBudgetSeconds,
    cacheFolder: options.cacheFolder === void 0 ? null : options.cacheFolder,
    workers: options.workers,
    env: { ...options.env ?? process.env, ...standInEnvironment(config.standIns) },
    cacheKey: standInsFingerprint(config.standIns),
    resident: options.resident?.imports ?? void 0,
    server: options.importServer ?? false
  };
  const toImport = sources.filter((source) => source.airflowWillImport);
  const importing = importOptions === null ? null : importFiles(toImport, importOptions);
  importing?.catch(() => void 0);
  if (importing !== null) await new Promise(setImmediate);
  const factsCache = options.resident?.facts ?? (options.cacheFolder ? new StaticCache(options.cacheFolder) : null);
  const lint = async () => ({
    native: await nativeRuff(options.env ?? process.env, environment?.python),
    resident: options.resident?.ruff,
    serverFolder: options.ruffServer && options.cacheFolder ? options.cacheFolder : null
  });
  const facts = await staticFacts(sources, factsCache, importing !== null, lint);
  const files = [...facts.values()];
  const findings = [
    ...discovery.findings,
    ...files.flatMap((file) => file.findings),
    ...folderRules.flatMap((rule) => rule.check({ dagsFolder, sources, files, lockedModules }))
  ];
  const report = { files: sources.length, findings };
  if (importing !== null && importOptions !== null) {
    const imported = importResult(toImport, await importing, facts, importOptions);
    const explained = explainMissingModules(explainMissingStandIns(imported.findings, findings), lockedModules, localModules(dagsFolder, lockedModules));
    findings.push(...withoutRepeats(explained, findings));
    findings.push(...withoutRepeats(importedDuplicates(imported.imported, facts), findings));
    report.imports = imported.imported;
  }
  const suppressions = new Map(sources.filter((source) => source.text !== null).map((source) => [source.path, suppressionsOf(source.text)]));
  report.findings = withConfiguredSeverities(applySuppressions(dedupe(findings), suppressions), config).sort(compareFindings);
  return report;
}
async function staticFacts(sources, cache, yieldBetweenFiles, lint) {
  const facts = /* @__PURE__ */ new Map();
  const toCheck = [];
  for (const source of sources) {
    if (source.text === null && source.findings.length === 0) continue;
    const cached = cache?.get(source.path, source.sha256) ?? null;
    if (cached === null) toCheck.push(source);
    else facts.set(source.path, cached);
  }
  const inputs = toCheck.flatMap(({ path, text, absolute, stamp }) => text === null ? [] : [{ path, text, absolute, stamp }]);
  const linting = inputs.length === 0 ? Promise.resolve(/* @__PURE__ */ new Map()) : lint().then((options) => lintAll(inputs, options));
  linting.catch(() => void 0);
  const checked = [];
  for (const source of toCheck) {
    checked.push(await checkFile(source));
    if (yieldBetweenFiles) await new Promise(setImmediate);
  }
  const ruff = await linting;
  for (const [index, file] of checked.entries()) {
    addRuffFindings(file, ruff.get(file.path) ?? []);
    cache?.set(file.path, toCheck[index].sha256, file);
    facts.set(file.path, file);
  }
  cache?.save();
  return new Map(sources.flatMap((source) => {
    const file = facts.get(source.path);
    return file ? [[source.path, file]] : [];
  }));
}
function importedDuplicates(imported, facts) {
  const firstFile = /* @__PURE__ */ new Map();
  const findings = [];
  for (const { file, dagIds } of [...imported].sort((a, b) => a.file.localeCompare(b.file))) {
    for (const dagId of new Set(dagIds)) {
      const first = firstFile.get(dagId);
      if (first === void 0) {
        firstFile.set(dagId, file);
        continue;
      }
      const place = facts.get(file)?.dagIds.find((site) => site.dagId === dagId)?.place ?? { line: 1, column: null };
      findings.push({
        file,
        line: place.line,
        column: place.column,
        severity: "error",
        rule: "duplicate-dag-id",
        layer: "import",
        message: `Airflow loaded dag_id '${dagId}' from this file and from ${first}: one replaces the other`
      });
    }
  }
  return findings;
}
function withoutRepeats(importFindings, staticFindings) {
  return importFindings.filter((candidate) => !staticFindings.some((known) => known.file === candidate.file && known.line === candidate.line && (known.rule === candidate.rule || severityRank[known.severity] <= severityRank[candidate.severity])));
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.file, finding.line, finding.column, finding.rule, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function withConfiguredSeverities(findings, config) {
  return findings.flatMap((finding) => {
    const configured = config.severities.get(finding.rule);
    if (configured === void 0) return [finding];
    return configured === "off" ? [] : [{ ...finding, severity: configured }];
  });
}
function isDirectory(path) {
  try {
    return statSync6(path).isDirectory();
  } catch {
    return false;
  }
}

// src/dags/formats/text.ts
function renderText(report, dagsFolder) {
  const lines = report.findings.map((finding) => {
    const place = `${dagsFolder}/${finding.file}:${finding.line}${finding.column === null ? "" : `:${finding.column}`}`;
    return `${place}: ${finding.severity} [${finding.rule}] ${finding.message.replaceAll("\n", "\n    ")}`;
  });
  const counts = countBySeverity(report.findings);
  const files = `${report.files} file${report.files === 1 ? "" : "s"} checked`;
  lines.push(`${files}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`);
  return `${lines.join("\n")}
`;
}

// src/dags/watch.ts
import { mkdtempSync as mkdtempSync4, realpathSync as realpathSync4, rmSync as rmSync3, watch } from "node:fs";
import { availableParallelism as availableParallelism3, tmpdir as tmpdir3 } from "node:os";
import { join as join13, resolve as resolve5 } from "node:path";
var settleMs = 20;
async function watchDags(options) {
  const dagsFolder = resolve5(options.dagsFolder);
  const environment = airflowEnvironment(options.python);
  const config = loadConfig(dagsFolder, options.configFile);
  const airflowHome = mkdtempSync4(join13(tmpdir3(), "airflow-gitops-home-"));
  const settings = { dagsFolder: realpathSync4(dagsFolder), timeoutSeconds: config.timeoutSeconds, env: options.env ?? process.env, airflowHome };
  const worker = new ImportWorker(environment, settings, options.workers ?? availableParallelism3());
  const facts = new RecordingFactsCache();
  const ruff = new RuffProcess();
  const resident = { facts, imports: { worker, cache: new MemoryReplyCache() }, ruff };
  const run2 = async () => {
    facts.checked.clear();
    facts.seen.clear();
    const report = await validateDags({ ...options, import: true, cacheFolder: null, resident });
    return { report, files: new Set(facts.seen), checked: new Set(facts.checked) };
  };
  try {
    await worker.start();
    let previous = null;
    await onChanges(dagsFolder, options.signal, async () => {
      const next = await run2();
      if (previous === null) {
        options.out(renderText(next.report, options.label));
        options.out(`watching ${options.label} for changes
`);
      } else {
        const touched = touchedFiles(previous, next);
        if (touched.changed.length > 0 || touched.removed.length > 0) options.out(describeChange(next.report, touched, options.label));
      }
      previous = next;
    });
  } finally {
    await Promise.all([worker.stop(), ruff.stop()]);
    rmSync3(airflowHome, { recursive: true, force: true });
  }
}
async function onChanges(folder, signal, check) {
  let timer;
  let running = null;
  let again = false;
  let fail = () => void 0;
  const stopped = new Promise((resolve6, reject) => {
    fail = reject;
    if (signal.aborted) resolve6();
    signal.addEventListener("abort", () => resolve6(), { once: true });
  });
  const start2 = () => {
    if (running !== null) {
      again = true;
      return;
    }
    running = check().catch(fail).finally(() => {
      running = null;
      if (again && !signal.aborted) {
        again = false;
        start2();
      }
    });
  };
  const watcher = watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(start2, settleMs);
  });
  start2();
  try {
    await stopped;
  } finally {
    clearTimeout(timer);
    watcher.close();
    await running;
  }
}
function touchedFiles(previous, next) {
  const before = findingsByFile(previous.report.findings);
  const after = findingsByFile(next.report.findings);
  const changed = /* @__PURE__ */ new Set([...next.checked, ...(next.report.imports ?? []).filter((file) => !file.cached).map((file) => file.file)]);
  for (const file of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    if (before.get(file) !== after.get(file)) changed.add(file);
  }
  const removed = [...previous.files].filter((file) => !next.files.has(file));
  for (const file of removed) changed.delete(file);
  return { changed: [...changed].sort(), removed: removed.sort() };
}
function findingsByFile(findings) {
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of findings) byFile.set(finding.file, [...byFile.get(finding.file) ?? [], finding]);
  return new Map([...byFile].map(([file, list]) => [file, JSON.stringify(list)]));
}
function describeChange(report, touched, label2) {
  const lines = [`--- ${(/* @__PURE__ */ new Date()).toTimeString().slice(0, 8)}`];
  for (const file of touched.removed) lines.push(`${label2}/${file}: removed`);
  if (touched.changed.length > 0) {
    const files = new Set(touched.changed);
    const findings = report.findings.filter((finding) => files.has(finding.file));
    const clean = touched.changed.filter((file) => !findings.some((finding) => finding.file === file));
    for (const file of clean) lines.push(`${label2}/${file}: no findings`);
    lines.push(renderText({ files: files.size, findings }, label2).trimEnd());
  }
  return `${lines.join("\n")}
`;
}
var RecordingFactsCache = class {
  checked = /* @__PURE__ */ new Set();
  seen = /* @__PURE__ */ new Set();
  inner = new MemoryStaticCache();
  get(path, sha256) {
    this.seen.add(path);
    return this.inner.get(path, sha256);
  }
  set(path, sha256, facts) {
    this.checked.add(path);
    this.inner.set(path, sha256, facts);
  }
  save() {
    this.inner.save();
  }
};

// src/dags/formats/json.ts
function renderJson(report) {
  const findings = report.findings.map(({ file, line, column, severity, rule, message, layer }) => ({ file, line, column, severity, rule, message, layer }));
  return `${JSON.stringify({ files: report.files, findings }, null, 2)}
`;
}

// src/dags/formats/github.ts
function renderGithub(report, pathOf) {
  return report.findings.map((finding) => `${command(finding, pathOf(finding.file))}
`).join("");
}
function command(finding, file) {
  const properties = [`file=${escapeProperty(file)}`, `line=${finding.line}`];
  if (finding.column !== null) properties.push(`col=${finding.column}`);
  properties.push(`title=${escapeProperty(finding.rule)}`);
  return `::${finding.severity} ${properties.join(",")}::${escapeData(finding.message)}`;
}
function escapeData(value) {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

// src/dags/formats/markdown.ts
var summaryLimitBytes = 1024 * 1024;
var reserveBytes = 16 * 1024;
var icons = { error: "\u274C error", warning: "\u26A0\uFE0F warning", notice: "\u2139\uFE0F notice" };
function renderMarkdownSummary(report, pathOf = (file) => file, limitBytes = summaryLimitBytes, linkOf) {
  const counts = countBySeverity(report.findings);
  const head = [
    "## DAG validation",
    "",
    `${report.files} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s).`,
    ""
  ];
  if (report.findings.length === 0) return `${head.join("\n")}
No findings.
`;
  head.push("| Severity | File | Line | Rule | Message |", "| --- | --- | --- | --- | --- |");
  let text = `${head.join("\n")}
`;
  let size = Buffer.byteLength(text);
  let shown = 0;
  for (const finding of report.findings) {
    const path = pathOf(finding.file);
    const link = linkOf?.(path, finding.line);
    const place = link === void 0 ? [cell(path), String(finding.line)] : [`[${linkText(path)}](${link})`, `[${finding.line}](${link})`];
    const row = `| ${icons[finding.severity]} | ${place.join(" | ")} | \`${finding.rule}\` | ${cell(finding.message)} |
`;
    const rowSize = Buffer.byteLength(row);
    if (size + rowSize > limitBytes - reserveBytes) break;
    text += row;
    size += rowSize;
    shown++;
  }
  const hidden = report.findings.length - shown;
  if (hidden > 0) text += `
${hidden} more finding(s) not shown: a job summary is limited to 1 MiB. Run \`airflow-gitops validate --format json\` for the full list.
`;
  return text;
}
function linkText(text) {
  return cell(text).replaceAll("[", "\\[").replaceAll("]", "\\]");
}
function cell(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("|", "\\|").replaceAll(/\r?\n/g, "<br>");
}

export {
  hasErrors,
  countBySeverity,
  defaultCacheFolder,
  validateDags,
  renderText,
  watchDags,
  renderJson,
  renderGithub,
  escapeData,
  summaryLimitBytes,
  renderMarkdownSummary,
  cell
};
